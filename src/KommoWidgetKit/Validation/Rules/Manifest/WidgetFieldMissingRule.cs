using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1005: the <c>widget</c> block, or one of the keys Kommo requires in it, is missing.</summary>
public sealed class WidgetFieldMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.WidgetFieldMissing, "widget-field-missing", "The widget block or a required widget key is missing",
        "{0} is missing{1}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var root = context.Manifest?.Root;
        if (root is null) return;
        var widgetNode = root["widget"];
        if (widgetNode is null)
        {
            context.Report(Rule, root.Span, "the \"widget\" block", " (it holds name, description, short_description, interface_version, locale and installation)");
            return;
        }
        if (widgetNode is not JObject widget) return; // KW1004 reports the type
        foreach (var key in ManifestFacts.RequiredWidgetKeys)
            if (!widget.Has(key))
                context.Report(Rule, widget.Span, "widget." + key, Hint(key));
    }

    private static string Hint(string key) => key switch
    {
        "interface_version" => " (add \"interface_version\": 2)",
        "locale" => " (list the languages you ship, e.g. [\"en\"])",
        "installation" => " (true shows the settings form on install, false skips it)",
        _ => $" (an i18n key such as \"widget.{key}\", or the text itself)",
    };
}
