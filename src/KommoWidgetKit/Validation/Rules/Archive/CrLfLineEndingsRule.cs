using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6007: the public checklist asks for Unix line feeds in all text files (spec §1.1).</summary>
public sealed class CrLfLineEndingsRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CrLfLineEndings, "crlf-line-endings", "A text file has CRLF or CR line endings",
        "'{0}' {1}; Kommo's checklist asks for Unix line feeds (\\n)", RuleCategory.Archive, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, info) in context.Widget.TextFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (info.FirstCrLfLine == 0 && info.FirstLoneCrLine == 0) continue;
            int line = info.FirstCrLfLine == 0 ? info.FirstLoneCrLine
                : info.FirstLoneCrLine == 0 ? info.FirstCrLfLine
                : Math.Min(info.FirstCrLfLine, info.FirstLoneCrLine);
            var file = context.Widget.GetFile(path)!;
            var index = new LineIndex(file.Content);
            int start = index.GetLineStart(line);
            int cr = file.Content.Span[start..].IndexOf((byte)'\r');
            int col = index.GetColumn(line, Math.Max(0, cr));
            string what = info.CrLfCount > 0
                ? $"has {info.CrLfCount} CRLF line ending{(info.CrLfCount == 1 ? "" : "s")}, the first on line {info.FirstCrLfLine}"
                : "";
            if (info.FirstLoneCrLine > 0)
                what += (what.Length > 0 ? ", and " : "has ") + $"lone CR line endings, the first on line {info.FirstLoneCrLine}";
            context.ReportWithFix(Rule, new SourceSpan(path, line, col, line, col + 1), Fix.Safe("Convert the line endings to LF", () => TextFixes.LineFeeds(file)), path, what);
        }
    }
}
