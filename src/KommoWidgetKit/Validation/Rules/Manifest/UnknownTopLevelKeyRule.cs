using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1015: a top-level key that no Kommo or amoCRM doc describes.</summary>
public sealed class UnknownTopLevelKeyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.UnknownTopLevelKey, "unknown-top-level-key", "Unknown top-level key in manifest.json",
        "unknown top-level key \"{0}\"{1}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root is not { } root) return;
        foreach (var p in root.DistinctProperties)
        {
            if (ManifestFacts.TopLevelKeys.Contains(p.Name, StringComparer.Ordinal)) continue;
            if (p.Name == "amoforms_settings")
            {
                if (context.Platform == WidgetPlatform.AmoCrm) continue;
                context.Report(Rule, ManifestFacts.NameSpan(p), p.Name, " (it is amoCRM-only, used with the amoforms location; validate with --platform amocrm if the widget is for amoCRM)");
                continue;
            }
            context.Report(Rule, ManifestFacts.NameSpan(p), p.Name, Hint(p.Name));
        }
    }

    private static string Hint(string name)
    {
        if (ManifestFacts.WidgetKeys.Contains(name, StringComparer.Ordinal)) return $" (it belongs inside \"widget\": widget.{name})";
        if (name == "location") return " (did you mean \"locations\"?)";
        return ManifestFacts.Closest(name, ManifestFacts.TopLevelKeys) is { } near ? $" (did you mean \"{near}\"?)" : "; Kommo ignores it";
    }
}
