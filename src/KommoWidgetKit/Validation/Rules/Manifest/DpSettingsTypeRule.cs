using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1042: a <c>dp.settings</c> field type that is not one of the settings types.</summary>
public sealed class DpSettingsTypeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DpSettingsType, "dp-settings-type", "Unknown dp.settings field type",
        "dp.settings field \"{0}\" has type \"{1}\"; dp.settings takes the settings types text, pass, users, users_lp, custom{2}",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var field in context.Manifest?.DpSettings ?? [])
            if (field.Node?["type"] is JString type && !ManifestFacts.SettingTypes.Contains(type.Value, StringComparer.Ordinal))
                context.Report(Rule, type.Span, field.Code, type.Value, SettingsFieldTypeRule.TypeHint(type.Value));
    }
}
