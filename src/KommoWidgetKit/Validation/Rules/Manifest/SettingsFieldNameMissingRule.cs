using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1034: a <c>settings</c> or <c>dp.settings</c> field without a <c>name</c> (its label).</summary>
public sealed class SettingsFieldNameMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SettingsFieldNameMissing, "settings-field-name-missing", "Settings field without a name",
        "{0} field \"{1}\" has no \"name\", so the form shows it without a label; add e.g. \"name\": \"settings.{1}\"",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        Check(context, manifest.Settings, "settings");
        Check(context, manifest.DpSettings, "dp.settings");
    }

    private static void Check(RuleContext context, IReadOnlyList<SettingField> fields, string block)
    {
        foreach (var field in fields)
            if (field.Node is { } node && !node.Has("name"))
                context.Report(Rule, ManifestFacts.NameSpan(field.Property), block, field.Code);
    }
}
