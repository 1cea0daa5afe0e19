using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6006: text files must be UTF-8 (spec §1.1); other encodings show as garbled text.</summary>
/// <remarks>manifest.json and i18n files are left out: their JSON rules (KW1001, KW3001) report invalid UTF-8 already.</remarks>
public sealed class TextNotUtf8Rule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TextNotUtf8, "text-not-utf8", "A text file is not valid UTF-8",
        "'{0}' is not valid UTF-8: byte 0x{1:X2} at offset {2} (saved in another encoding, such as Windows-1251 or Latin-1?)",
        RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, info) in context.Widget.TextFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (info.IsValidUtf8 || JsonBomRule.IsServerJson(context.Widget, path)) continue;
            var file = context.Widget.GetFile(path)!;
            var (line, col) = new LineIndex(file.Content).GetPosition(info.InvalidUtf8Offset);
            context.Report(Rule, new SourceSpan(path, line, col, line, col + 1), path, file.Content.Span[info.InvalidUtf8Offset], info.InvalidUtf8Offset);
        }
    }
}
