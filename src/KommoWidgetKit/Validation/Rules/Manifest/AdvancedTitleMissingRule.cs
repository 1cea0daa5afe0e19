using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1044: the <c>advanced_settings</c> location without <c>advanced.title</c>.</summary>
public sealed class AdvancedTitleMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.AdvancedTitleMissing, "advanced-title-missing", "advanced_settings without advanced.title",
        "location \"advanced_settings\" needs a page title: {0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == "advanced_settings" && l.Info is not null);
        if (entry is null) return;
        switch (root["advanced"])
        {
            case null:
                context.Report(Rule, entry.Node.Span, "add \"advanced\": { \"title\": \"advanced.title\" }");
                break;
            case JObject advanced when !advanced.Has("title"):
                context.Report(Rule, advanced.Span, "add \"title\": \"advanced.title\" to \"advanced\"");
                break;
            case JObject advanced when advanced["title"] is JString { Value: var t } title && t.Trim().Length == 0:
                context.Report(Rule, title.Span, "advanced.title is empty");
                break;
        }
    }
}
