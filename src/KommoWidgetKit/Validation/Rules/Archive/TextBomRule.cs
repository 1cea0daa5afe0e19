using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6005: all files should be UTF-8 without BOM (spec §1.1); manifest.json and i18n files are KW6010's, as an error.</summary>
public sealed class TextBomRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TextBom, "text-bom", "A text file starts with a byte order mark",
        "'{0}' starts with a UTF-8 byte order mark; Kommo asks for UTF-8 without BOM", RuleCategory.Archive, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, info) in context.Widget.TextFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (info.HasBom && !JsonBomRule.IsServerJson(context.Widget, path))
                context.ReportWithFix(Rule, new SourceSpan(path, 1, 1, 1, 1), Fix.Safe("Remove the byte order mark", () => TextFixes.StripBom(path)), path);
    }
}
