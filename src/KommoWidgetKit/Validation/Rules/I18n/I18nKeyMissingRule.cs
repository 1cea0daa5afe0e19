using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
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
        "'{0}' {1} in i18n/{2}.json", RuleCategory.I18n, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    // The key's text in another declared locale, copied in marked untranslated; none when no locale has it as a text or
    // the way down is blocked by a text where a group should be. The edit is exclusive: the manifest may name the key (or
    // two keys of one missing group) more than once, and KW3006 offers to add the same member from the other file, so only
    // one member may go into the object per round; the next round finds it there.
    private static Fix? AddFromOtherLocale(I18nDocument doc, IReadOnlyList<I18nDocument> docs, string key)
    {
        var source = docs.FirstOrDefault(d => !ReferenceEquals(d, doc) && d.Resolve(key) is JString);
        if (source is null || doc.Root is null) return null;
        var parts = key.Split('.');
        JObject obj = doc.Root;
        int depth = 0;
        while (depth < parts.Length - 1 && obj[parts[depth]] is JObject child)
        {
            obj = child;
            depth++;
        }
        if (obj[parts[depth]] is not null) return null;
        JsonValue value = new JsonValue.Text(TextFixes.MarkUntranslated(((JString)source.Resolve(key)!).Value));
        for (int i = parts.Length - 1; i > depth; i--)
            value = new JsonValue.Object([new(parts[i], value)]);
        var into = obj;
        string name = parts[depth];
        return Fix.Safe($"Add '{key}' to {doc.File.Path} from {source.File.Path}",
            () => FileChange.Edit(doc.File.Path, new JsonEdits(doc.File.Content, doc.Json).AddProperty(into, name, value, exclusive: true)));
    }

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
                        if (AddFromOtherLocale(doc, docs, reference.Key) is { } fix)
                            context.ReportWithFix(Rule, reference.Node.Span, fix, reference.Key, "is missing", doc.Locale);
                        else
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
