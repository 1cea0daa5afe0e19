using System.Text;

namespace KommoWidgetKit.Parsing;

/// <summary>Maps byte offsets of a UTF-8 file to 1-based line and UTF-16 column numbers.</summary>
public sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int[] _lineStarts;
    private readonly int _bomLength;

    /// <summary>Indexes the line starts of <paramref name="bytes"/>.</summary>
    public LineIndex(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        var span = bytes.Span;
        // A byte order mark is not a character anyone sees: columns on line 1 start after it.
        _bomLength = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? 3 : 0;
        var starts = new List<int> { _bomLength };
        for (int i = 0; i < span.Length; i++)
            if (span[i] == (byte)'\n') starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    /// <summary>Number of lines (a final line without a newline counts).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line and column of a byte offset.</summary>
    public (int Line, int Column) GetPosition(long byteOffset)
    {
        int offset = (int)Math.Clamp(byteOffset, 0, _bytes.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        if (line < 0) return (1, 1); // inside the byte order mark
        int start = _lineStarts[line];
        int column = Encoding.UTF8.GetCharCount(_bytes.Span[start..offset]) + 1;
        return (line + 1, column);
    }

    /// <summary>The byte offset where a 1-based line starts.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];

    /// <summary>The 1-based column of a byte position within a 1-based line.</summary>
    public int GetColumn(int line, long bytePositionInLine)
    {
        int start = GetLineStart(line);
        int end = (int)Math.Clamp((line == 1 ? 0 : start) + bytePositionInLine, start, _bytes.Length);
        return Encoding.UTF8.GetCharCount(_bytes.Span[start..end]) + 1;
    }

    /// <summary>The byte offset of a 1-based line and UTF-16 column, or -1 when the place is not in the file.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Length || column < 1) return -1;
        var bytes = _bytes.Span;
        int i = _lineStarts[line - 1];
        int units = 1;
        while (units < column)
        {
            if (i >= bytes.Length) return -1;
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out var rune, out int consumed) != System.Buffers.OperationStatus.Done) return -1;
            units += rune.Utf16SequenceLength;
            i += consumed;
        }
        return i;
    }

    /// <summary>The byte range [start, end) of a span in this file, or null when it does not point into it.</summary>
    public (int Start, int End)? GetRange(Diagnostics.SourceSpan span)
    {
        if (!span.HasPosition) return null;
        int start = GetOffset(span.StartLine, span.StartColumn);
        int end = GetOffset(span.EndLine, span.EndColumn);
        return start < 0 || end < start ? null : (start, end);
    }

    /// <summary>A span between two byte offsets.</summary>
    public Diagnostics.SourceSpan Span(string path, long startOffset, long endOffset, string? pointer = null)
    {
        var (sl, sc) = GetPosition(startOffset);
        var (el, ec) = GetPosition(Math.Max(startOffset, endOffset));
        return new Diagnostics.SourceSpan(path, sl, sc, el, ec, pointer);
    }
}
