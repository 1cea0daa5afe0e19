using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3005: a manifest string that names an i18n key must resolve to a text in every declared locale (spec §2.9, §8.5).</summary>
/// <remarks>References marked optional (salesbot <c>default_value</c>, which falls back to the literal) are skipped;
/// a key that resolves to a number or other non-text leaf is KW3007's finding.</remarks>
public sealed class I18nKeyMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nKeyMissing, "i18n-key-missing", "A manifest i18n key does not resolve",
        "'{0}' {1} in i18n/{2}.json", RuleCategory.I18n, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest is null) return;
        var docs = I18nFacts.DeclaredDocuments(context.Widget);
        if (docs.Count == 0) return;
        foreach (var reference in manifest.I18nReferences())
        {
            if (reference.Optional) continue;
            foreach (var doc in docs)
            {
                switch (doc.Resolve(reference.Key))
                {
                    case null:
                        context.Report(Rule, reference.Node.Span, reference.Key, "is missing", doc.Locale);
                        break;
                    case JObject:
                        context.Report(Rule, reference.Node.Span, reference.Key, "is an object, not a text,", doc.Locale);
                        break;
                }
            }
        }
    }
}
