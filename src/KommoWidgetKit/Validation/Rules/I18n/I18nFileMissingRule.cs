using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3000: every locale in <c>widget.locale</c> needs its <c>i18n/&lt;code&gt;.json</c> (spec §6).</summary>
public sealed class I18nFileMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nFileMissing, "i18n-file-missing", "A declared locale has no i18n file",
        "locale '{0}' is declared but 'i18n/{0}.json' is missing{1}", RuleCategory.I18n, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest is null) return;
        foreach (var node in manifest.LocaleNodes)
        {
            if (context.Widget.GetI18n(node.Value) is not null) continue;
            var other = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Path, $"i18n/{node.Value}.json", StringComparison.OrdinalIgnoreCase));
            string found = other is null ? "" : $" (found '{other.Path}'; file names are case-sensitive)";
            // The new file gets every text of the first declared locale that has a file, marked untranslated. With a
            // differently cased file there, renaming is the repair, and that is the author's call; a locale that is no
            // language of the platform ("xx", "en ", "sub/en": KW1008's error) wants removing, not a file.
            var source = other is null && Locales.For(context.Platform).Contains(node.Value) ? I18nFacts.DeclaredDocuments(context.Widget).FirstOrDefault() : null;
            if (source?.Root is { } root)
                context.ReportWithFix(Rule, node.Span, Fix.Safe($"Create i18n/{node.Value}.json from {source.File.Path}", () =>
                {
                    var edits = new JsonEdits(source.File.Content, source.Json);
                    string text = edits.Write(JsonValue.From(root, TextFixes.MarkUntranslated), "") + edits.Newline;
                    return FileChange.Create($"i18n/{node.Value}.json", text);
                }), node.Value, found);
            else
                context.Report(Rule, node.Span, node.Value, found);
        }
    }
}
