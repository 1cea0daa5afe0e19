using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1008: a <c>widget.locale</c> entry is not a language of the platform checked for.</summary>
public sealed class LocaleUnsupportedRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocaleUnsupported, "locale-unsupported", "A locale is not supported on the platform",
        "locale \"{0}\" is not supported on {1} (allowed: {2}){3}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is null) return;
        var allowed = Locales.For(context.Platform);
        string platform = context.Platform == WidgetPlatform.AmoCrm ? "amoCRM" : "Kommo";
        foreach (var node in manifest.LocaleNodes)
        {
            if (allowed.Contains(node.Value, StringComparer.Ordinal)) continue;
            context.Report(Rule, node.Span, node.Value, platform, ManifestFacts.List(allowed), Hint(node.Value, context.Platform, allowed));
        }
    }

    private static string Hint(string value, WidgetPlatform platform, IReadOnlyList<string> allowed)
    {
        var other = platform == WidgetPlatform.AmoCrm ? Locales.Kommo : Locales.AmoCrm;
        if (other.Contains(value, StringComparer.Ordinal))
            return platform == WidgetPlatform.AmoCrm
                ? $"; \"{value}\" is a Kommo locale: validate with --platform kommo if the widget is for Kommo"
                : $"; \"{value}\" is an amoCRM locale: validate with --platform amocrm if the widget is for amoCRM";
        // "EN", "en-US", "en_US": the language part is fine, the spelling is not.
        string language = value.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (allowed.Contains(language, StringComparer.Ordinal))
            return $"; write \"{language}\" (lower-case language code, no region), named like i18n/{language}.json";
        return "";
    }
}
