using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1032: a <c>custom</c> settings field while <c>settings</c> is not in <c>locations</c>.</summary>
public sealed class CustomFieldNeedsSettingsLocationRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CustomFieldNeedsSettingsLocation, "custom-field-needs-settings-location", "custom field without the settings location",
        "settings field \"{0}\" is custom, but \"settings\" is not in locations: script.js never runs in the settings modal to draw it",
        RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is null || manifest.HasLocation("settings")) return;
        foreach (var field in manifest.Settings)
            if (field.Node?["type"] is JString { Value: "custom" } type)
                context.Report(Rule, type.Span, field.Code);
    }
}
