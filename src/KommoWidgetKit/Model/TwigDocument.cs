using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Model;

/// <summary>What is wrong with a Twig template's structure.</summary>
public enum TwigIssueKind
{
    /// <summary>A <c>{{</c>, <c>{%</c> or <c>{#</c> that is never closed.</summary>
    UnclosedDelimiter,
    /// <summary>A block tag (if, for, block …) without its end tag.</summary>
    UnclosedBlock,
    /// <summary>An end tag with no open block, or closing a different block.</summary>
    UnexpectedEndTag,
    /// <summary><c>else</c>/<c>elseif</c> outside an if or for block.</summary>
    MisplacedBranch,
}

/// <summary>One structural problem in a template.</summary>
public sealed record TwigIssue(TwigIssueKind Kind, SourceSpan Span, string Detail);

/// <summary>A Twig template checked for balanced delimiters and block tags.</summary>
public sealed class TwigDocument
{
    private static readonly HashSet<string> Paired = new(StringComparer.Ordinal)
    {
        "block", "if", "for", "macro", "filter", "spaceless", "autoescape", "embed", "apply", "verbatim", "with", "sandbox", "set",
    };

    internal TwigDocument(WidgetFile file)
    {
        File = file;
        string text = Parsing.TextAnalysis.Decode(file.Content.Span);
        Issues = Scan(file.Path, text);
    }

    /// <summary>The file.</summary>
    public WidgetFile File { get; }

    /// <summary>Structural problems, in source order.</summary>
    public IReadOnlyList<TwigIssue> Issues { get; }

    private sealed record Open(string Name, SourceSpan Span);

    private static List<TwigIssue> Scan(string path, string text)
    {
        var issues = new List<TwigIssue>();
        var stack = new Stack<Open>();
        int line = 1, col = 1, i = 0;

        void Advance(int to)
        {
            for (; i < to && i < text.Length; i++)
            {
                if (text[i] == '\n') { line++; col = 1; }
                else col++;
            }
        }

        while (i < text.Length)
        {
            int next = text.IndexOf('{', i);
            if (next < 0 || next + 1 >= text.Length) break;
            char kind = text[next + 1];
            if (kind is not ('{' or '%' or '#'))
            {
                Advance(next + 1);
                continue;
            }
            Advance(next);
            var start = (line, col);
            string close = kind switch { '{' => "}}", '%' => "%}", _ => "#}" };
            int end = text.IndexOf(close, next + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                issues.Add(new TwigIssue(TwigIssueKind.UnclosedDelimiter, new SourceSpan(path, start.line, start.col, start.line, start.col + 2),
                    $"'{{{kind}' is never closed with '{close}'"));
                break;
            }
            string inner = text[(next + 2)..end].Trim('-', '~', ' ', '\t', '\r', '\n');
            Advance(end + 2);
            var span = new SourceSpan(path, start.line, start.col, line, col);
            if (kind != '%') continue;

            string name = inner.Split([' ', '\t', '\r', '\n'], 2)[0];
            if (name == "verbatim" || name == "raw")
            {
                // Skip the verbatim body: its content is not Twig.
                string endTag = name == "verbatim" ? "endverbatim" : "endraw";
                int stop = text.IndexOf(endTag, i, StringComparison.Ordinal);
                if (stop < 0)
                {
                    issues.Add(new TwigIssue(TwigIssueKind.UnclosedBlock, span, $"'{{% {name} %}}' has no '{{% {endTag} %}}'"));
                    break;
                }
                int after = text.IndexOf("%}", stop, StringComparison.Ordinal);
                Advance(after < 0 ? text.Length : after + 2);
                continue;
            }
            if (name.StartsWith("end", StringComparison.Ordinal) && name.Length > 3)
            {
                string opened = name[3..];
                if (stack.Count > 0 && stack.Peek().Name == opened)
                {
                    stack.Pop();
                }
                else if (stack.Any(o => o.Name == opened))
                {
                    while (stack.Peek().Name != opened)
                    {
                        var lost = stack.Pop();
                        issues.Add(new TwigIssue(TwigIssueKind.UnclosedBlock, lost.Span, $"'{{% {lost.Name} %}}' is not closed before '{{% {name} %}}'"));
                    }
                    stack.Pop();
                }
                else
                {
                    issues.Add(new TwigIssue(TwigIssueKind.UnexpectedEndTag, span,
                        stack.Count > 0 ? $"'{{% {name} %}}' does not match the open '{{% {stack.Peek().Name} %}}'" : $"'{{% {name} %}}' has no matching '{{% {opened} %}}'"));
                }
                continue;
            }
            if (name is "else" or "elseif")
            {
                if (stack.Count == 0 || stack.Peek().Name is not ("if" or "for"))
                    issues.Add(new TwigIssue(TwigIssueKind.MisplacedBranch, span, $"'{{% {name} %}}' is outside an if or for block"));
                continue;
            }
            if (!Paired.Contains(name)) continue;
            // "set x = value" and "block name value" are one-line forms with no end tag.
            if (name == "set" && inner.Contains('=')) continue;
            if (name == "block" && inner.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length > 2) continue;
            stack.Push(new Open(name, span));
        }
        foreach (var open in stack.Reverse())
            issues.Add(new TwigIssue(TwigIssueKind.UnclosedBlock, open.Span, $"'{{% {open.Name} %}}' has no '{{% end{open.Name} %}}'"));
        issues.Sort((a, b) => a.Span.StartLine != b.Span.StartLine ? a.Span.StartLine.CompareTo(b.Span.StartLine) : a.Span.StartColumn.CompareTo(b.Span.StartColumn));
        return issues;
    }
}
