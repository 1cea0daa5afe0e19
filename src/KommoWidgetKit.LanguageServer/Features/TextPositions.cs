using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.LanguageServer.Protocol;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Conversions between LSP positions (0-based line, UTF-16 character), offsets in a text, and the tool's spans.</summary>
internal static class TextPositions
{
    /// <summary>The UTF-16 offset of a position in <paramref name="text"/>, clamped to the text (as the protocol asks).</summary>
    public static int Offset(string text, Position position)
    {
        int line = 0, i = 0;
        while (line < position.Line)
        {
            int nl = text.IndexOf('\n', i);
            if (nl < 0) return text.Length;
            i = nl + 1;
            line++;
        }
        int end = text.IndexOf('\n', i);
        if (end < 0) end = text.Length;
        if (end > i && text[end - 1] == '\r' && end < text.Length) end--;
        return Math.Min(i + Math.Max(0, position.Character), end);
    }

    /// <summary>The position of a UTF-16 offset.</summary>
    public static Position PositionOf(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 0, lineStart = 0;
        int i = text.IndexOf('\n');
        while (i >= 0 && i < offset)
        {
            line++;
            lineStart = i + 1;
            i = text.IndexOf('\n', lineStart);
        }
        return new Position(line, offset - lineStart);
    }

    /// <summary>The LSP range of a finding's span (a span without a place is the file's start).</summary>
    public static Protocol.Range RangeOf(SourceSpan span)
    {
        if (!span.HasPosition) return new Protocol.Range(new Position(0, 0), new Position(0, 0));
        var start = new Position(span.StartLine - 1, Math.Max(0, span.StartColumn - 1));
        var end = new Position(Math.Max(span.EndLine - 1, start.Line), Math.Max(0, span.EndColumn - 1));
        if (end.Line == start.Line && end.Character < start.Character) end = start;
        return new Protocol.Range(start, end);
    }

    /// <summary>Whether two ranges share a place (touching counts, as an empty selection at a squiggle's edge should).</summary>
    public static bool Touch(Protocol.Range a, Protocol.Range b) => Compare(a.Start, b.End) <= 0 && Compare(b.Start, a.End) <= 0;

    /// <summary>Whether a position is inside a range (its ends included).</summary>
    public static bool Contains(Protocol.Range range, Position p) => Compare(range.Start, p) <= 0 && Compare(p, range.End) <= 0;

    public static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}
