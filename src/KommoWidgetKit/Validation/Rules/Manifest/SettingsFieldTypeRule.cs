using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1031: a <c>settings</c> field type other than text, pass, users, users_lp or custom.</summary>
public sealed class SettingsFieldTypeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SettingsFieldType, "settings-field-type", "Unknown settings field type",
        "settings field \"{0}\" has type \"{1}\"; allowed: text, pass, users, users_lp, custom{2}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var field in context.Manifest?.Settings ?? [])
            if (field.Node?["type"] is JString type && !ManifestFacts.SettingTypes.Contains(type.Value, StringComparer.Ordinal))
                context.Report(Rule, type.Span, field.Code, type.Value, TypeHint(type.Value));
    }

    /// <summary>A hint for a wrong settings type; shared in spirit with KW1042.</summary>
    internal static string TypeHint(string type)
    {
        string t = type.Trim().ToLowerInvariant();
        if (t is "password" or "secret") return " (did you mean \"pass\"?)";
        if (t is "string" or "input") return " (did you mean \"text\"?)";
        if (ManifestFacts.SettingTypes.Contains(t, StringComparer.Ordinal)) return $" (write \"{t}\" in lower case)";
        if (ManifestFacts.Closest(t, ManifestFacts.SettingTypes) is { } near) return $" (did you mean \"{near}\"?)";
        return "; build other controls (textarea, checkbox, select …) in a custom field";
    }
}
