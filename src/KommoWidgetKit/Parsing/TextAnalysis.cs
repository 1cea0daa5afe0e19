using System.Text;

namespace KommoWidgetKit.Parsing;

/// <summary>Facts about a text file: encoding, byte order mark, line endings.</summary>
/// <param name="HasBom">Starts with the UTF-8 byte order mark.</param>
/// <param name="InvalidUtf8Offset">Offset of the first byte that is not valid UTF-8, or -1.</param>
/// <param name="FirstCrLfLine">1-based line of the first CRLF line ending, or 0.</param>
/// <param name="CrLfCount">How many lines end in CRLF.</param>
/// <param name="FirstLoneCrLine">1-based line of the first lone CR line ending, or 0.</param>
public sealed record TextInfo(bool HasBom, int InvalidUtf8Offset, int FirstCrLfLine, int CrLfCount, int FirstLoneCrLine)
{
    /// <summary>True when every byte is valid UTF-8.</summary>
    public bool IsValidUtf8 => InvalidUtf8Offset < 0;
}

/// <summary>Byte-level checks shared by the parsers.</summary>
public static class TextAnalysis
{
    /// <summary>File extensions treated as text for encoding and line-ending checks.</summary>
    public static readonly IReadOnlySet<string> TextExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".mjs", ".cjs", ".json", ".css", ".twig", ".html", ".htm", ".md", ".txt", ".svg", ".xml", ".ts", ".vue", ".jsx", ".tsx", ".scss", ".less", ".map",
    };

    /// <summary>Whether a path is a text file by its extension.</summary>
    public static bool IsTextPath(string path) => TextExtensions.Contains(Path.GetExtension(path));

    /// <summary>Analyses a text file's bytes.</summary>
    public static TextInfo Analyse(ReadOnlySpan<byte> bytes)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        int invalid = FindInvalidUtf8(bytes);
        int line = 1, firstCrLf = 0, crlf = 0, loneCr = 0;
        // Most files have no CR at all: find the first one with a vectorised search, count the lines before it the same way.
        int i = bytes.IndexOf((byte)'\r');
        if (i >= 0) line += bytes[..i].Count((byte)'\n');
        for (; i >= 0 && i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'\r')
            {
                if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    crlf++;
                    if (firstCrLf == 0) firstCrLf = line;
                }
                else if (loneCr == 0)
                {
                    loneCr = line;
                }
            }
            else if (b == (byte)'\n')
            {
                line++;
            }
        }
        return new TextInfo(bom, invalid, firstCrLf, crlf, loneCr);
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1 when all are valid.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        int offset = 0;
        Span<char> buffer = stackalloc char[256];
        while (offset < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[offset..], buffer, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.InvalidData) return offset + read;
            if (status == System.Buffers.OperationStatus.Done) return -1;
            offset += read; // DestinationTooSmall: go on with the next chunk
            if (read == 0) return offset;
        }
        return -1;
    }

    /// <summary>Whether the bytes are only JSON white space.</summary>
    public static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>Decodes UTF-8 text, dropping a leading byte order mark; invalid bytes become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
        return Encoding.UTF8.GetString(bytes);
    }
}
