using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Model;

/// <summary>A structural problem in a CSS file.</summary>
public sealed record CssIssue(SourceSpan Span, string Detail);

/// <summary>A style rule whose selector stands at the top level (or inside @media, @supports …), with its declarations.</summary>
/// <remarks><see cref="Prelude"/>[k] is the text at <see cref="PreludeStart"/> + k (comments are blanked out).</remarks>
public sealed record CssRule(string Prelude, int PreludeStart, string Body);

/// <summary>A CSS file read by a small tokenizer: enough to check that braces, comments and strings are balanced and to list top-level rules.</summary>
public sealed class CssDocument
{
    // At-rules whose block holds style rules; the blocks of the others (@font-face, @keyframes, @page …) hold declarations or keyframes.
    private static readonly HashSet<string> GroupingAtRules = new(StringComparer.OrdinalIgnoreCase)
    {
        "media", "supports", "layer", "container", "document", "-moz-document", "scope", "starting-style",
    };

    private enum BlockKind { TopRule, Group, Other, Nested }

    private sealed record Open(BlockKind Kind, int Index, int Line, int Column, string Prelude, int PreludeStart);

    private readonly int[] _lineStarts;
    private readonly string _path;

    private CssDocument(string path, string text)
    {
        _path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    /// <summary>The decoded text.</summary>
    public string Text { get; }

    /// <summary>Problems in source order.</summary>
    public List<CssIssue> Issues { get; } = [];

    /// <summary>Top-level style rules in source order.</summary>
    public List<CssRule> Rules { get; } = [];

    /// <summary>Scans a CSS file.</summary>
    public static CssDocument Scan(string path, string text)
    {
        var scanner = new CssDocument(path, text);
        scanner.Run();
        return scanner;
    }

    /// <summary>The 1-based line and column of a character index.</summary>
    public (int Line, int Column) Position(int index)
    {
        int line = Array.BinarySearch(_lineStarts, index);
        if (line < 0) line = ~line - 1;
        return (line + 1, index - _lineStarts[line] + 1);
    }

    private SourceSpan SpanAt(int index, int length)
    {
        var (l, c) = Position(index);
        return new SourceSpan(_path, l, c, l, c + length);
    }

    private void Run()
    {
        string text = Text;
        var stack = new Stack<Open>();
        var prelude = new System.Text.StringBuilder();
        int preludeStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Issues.Add(new CssIssue(SpanAt(i, 2), "the comment '/*' is never closed with '*/'"));
                    break;
                }
                // Blank the comment out at its full length, so offsets in the prelude still match the text.
                if (preludeStart >= 0) prelude.Append(' ', end + 2 - i);
                i = end + 2;
                continue;
            }
            if (c is '"' or '\'')
            {
                int j = i + 1;
                while (j < text.Length && text[j] != c && text[j] != '\n')
                    j += text[j] == '\\' ? 2 : 1;
                if (j >= text.Length || text[j] == '\n')
                {
                    Issues.Add(new CssIssue(SpanAt(i, 1), $"the string starting with {c} is not closed on its line"));
                    Append(prelude, ref preludeStart, text, i, Math.Min(j, text.Length));
                    i = Math.Min(j, text.Length);
                    continue;
                }
                Append(prelude, ref preludeStart, text, i, j + 1);
                i = j + 1;
                continue;
            }
            switch (c)
            {
                case '{':
                {
                    var parent = stack.Count > 0 ? stack.Peek().Kind : (BlockKind?)null;
                    string p = prelude.ToString().Trim();
                    BlockKind kind;
                    if (parent is null or BlockKind.Group)
                    {
                        if (p.StartsWith('@'))
                        {
                            string name = new(p[1..].TakeWhile(ch => char.IsLetterOrDigit(ch) || ch == '-').ToArray());
                            kind = GroupingAtRules.Contains(name) ? BlockKind.Group : BlockKind.Other;
                        }
                        else
                        {
                            kind = BlockKind.TopRule;
                        }
                    }
                    else
                    {
                        kind = BlockKind.Nested;
                    }
                    var (line, col) = Position(i);
                    stack.Push(new Open(kind, i, line, col, p, preludeStart));
                    prelude.Clear();
                    preludeStart = -1;
                    break;
                }
                case '}':
                    if (stack.Count == 0)
                    {
                        Issues.Add(new CssIssue(SpanAt(i, 1), "'}' has no matching '{'"));
                    }
                    else
                    {
                        var open = stack.Pop();
                        if (open.Kind == BlockKind.TopRule && open.PreludeStart >= 0)
                            Rules.Add(new CssRule(open.Prelude, open.PreludeStart, text[(open.Index + 1)..i]));
                    }
                    prelude.Clear();
                    preludeStart = -1;
                    break;
                case ';':
                    prelude.Clear();
                    preludeStart = -1;
                    break;
                default:
                    Append(prelude, ref preludeStart, text, i, i + 1);
                    break;
            }
            i++;
        }
        foreach (var open in stack.Reverse())
            Issues.Add(new CssIssue(new SourceSpan(_path, open.Line, open.Column, open.Line, open.Column + 1), "'{' is never closed with '}'"));
        Issues.Sort((a, b) => a.Span.StartLine != b.Span.StartLine ? a.Span.StartLine.CompareTo(b.Span.StartLine) : a.Span.StartColumn.CompareTo(b.Span.StartColumn));
        Rules.Sort((a, b) => a.PreludeStart.CompareTo(b.PreludeStart));
    }

    private static void Append(System.Text.StringBuilder prelude, ref int preludeStart, string text, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (preludeStart < 0 && !char.IsWhiteSpace(text[k])) preludeStart = k;
            if (preludeStart >= 0) prelude.Append(text[k]);
        }
    }
}
