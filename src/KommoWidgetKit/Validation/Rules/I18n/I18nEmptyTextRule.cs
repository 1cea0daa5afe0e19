using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3009: a text the manifest shows (name, descriptions, setting labels …) is empty in a locale; the public checklist wants every file filled in.</summary>
public sealed class I18nEmptyTextRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nEmptyText, "i18n-empty-text", "A manifest text is empty",
        "'{0}' is empty in {1}, but the manifest shows it ({2})", RuleCategory.I18n, Severity.Warning, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest is null) return;
        var docs = I18nFacts.DeclaredDocuments(context.Widget);
        var seen = new HashSet<(string, string)>();
        foreach (var reference in manifest.I18nReferences())
        {
            foreach (var doc in docs)
            {
                if (doc.Resolve(reference.Key) is JString s && string.IsNullOrWhiteSpace(s.Value) && seen.Add((doc.Locale, reference.Key)))
                    context.Report(Rule, s.Span, reference.Key, doc.File.Path, reference.Node.Pointer);
            }
        }
    }
}
