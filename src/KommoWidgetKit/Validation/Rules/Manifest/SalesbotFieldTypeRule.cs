using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1046: a Salesbot handler setting whose type is not text, numeric or url.</summary>
public sealed class SalesbotFieldTypeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SalesbotFieldType, "salesbot-field-type", "Unknown Salesbot field type",
        "salesbot_designer field \"{0}.{1}\" has type \"{2}\"; allowed: text, numeric, url{3}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root?["salesbot_designer"] is not JObject block) return;
        foreach (var handler in block.DistinctProperties)
        {
            if (handler.Name == "logo" || handler.Value is not JObject h || h["settings"] is not JObject settings) continue;
            foreach (var field in settings.DistinctProperties)
            {
                if (field.Value is not JObject f || f["type"] is not JString type) continue;
                if (ManifestFacts.SalesbotTypes.Contains(type.Value, StringComparer.Ordinal)) continue;
                context.Report(Rule, type.Span, handler.Name, field.Name, type.Value, Hint(type.Value));
            }
        }
    }

    private static string Hint(string type)
    {
        string t = type.Trim().ToLowerInvariant();
        if (t is "number" or "int" or "integer" or "float") return " (did you mean \"numeric\"?)";
        if (t is "string" or "textarea") return " (did you mean \"text\"?)";
        if (t is "link") return " (did you mean \"url\"?)";
        if (ManifestFacts.SalesbotTypes.Contains(t, StringComparer.Ordinal)) return $" (write \"{t}\" in lower case)";
        return "";
    }
}
