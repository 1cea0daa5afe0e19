using System.Text.Json;

namespace KommoWidgetKit.Building;

/// <summary>A place in an original source that a position in generated code maps to: 1-based line and column.</summary>
/// <param name="Source">The source as the map names it (with <c>sourceRoot</c> applied), e.g. <c>../src/index.ts</c>.</param>
/// <param name="Line">1-based line in the source.</param>
/// <param name="Column">1-based column in the source (UTF-16 code units, as browsers count them).</param>
/// <param name="Name">The original name at that place, when the map records one.</param>
public sealed record SourceMapPosition(string Source, int Line, int Column, string? Name);

/// <summary>The map cannot be read; the message is for users.</summary>
public sealed class SourceMapException(string message) : Exception(message);

/// <summary>A decoded source map (revision 3, <c>https://sourcemaps.info/spec.html</c>): answers which original source,
/// line and column a position in the generated file comes from.</summary>
/// <remarks>Our own decoder (no maintained .NET source-map library is available): the JSON is read with
/// <see cref="JsonDocument"/>, the <c>mappings</c> Base64 VLQ segments are decoded once into per-line arrays sorted by
/// generated column, and a lookup is a binary search on one line. Index maps (<c>sections</c>) are refused.</remarks>
public sealed class SourceMap
{
    private readonly Segment[][] _lines;

    private SourceMap(IReadOnlyList<string> sources, IReadOnlyList<string?> contents, IReadOnlyList<string> names, Segment[][] lines, string? file)
    {
        Sources = sources;
        SourcesContent = contents;
        Names = names;
        File = file;
        _lines = lines;
    }

    /// <summary>The sources, with <c>sourceRoot</c> applied, as the map names them.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The sources' text where the map embeds it (<c>sourcesContent</c>), else null per source.</summary>
    public IReadOnlyList<string?> SourcesContent { get; }

    /// <summary>The names the mappings refer to.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The generated file the map says it belongs to (<c>file</c>), if given.</summary>
    public string? File { get; }

    /// <summary>Number of generated lines that have at least one segment, or fewer.</summary>
    public int LineCount => _lines.Length;

    /// <summary>Reads a source map from its JSON text.</summary>
    /// <exception cref="SourceMapException">The text is not a version 3 source map this decoder reads.</exception>
    public static SourceMap Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF) json = json[3..];
        // A map may start with the XSSI guard ")]}'" and a line break.
        if (json.StartsWith(")]}'"u8))
        {
            int nl = json.IndexOf((byte)'\n');
            json = nl < 0 ? [] : json[(nl + 1)..];
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new SourceMapException("the source map is not valid JSON: " + ex.Message);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SourceMapException("the source map must be a JSON object");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 3)
                throw new SourceMapException("only version 3 source maps are read");
            if (root.TryGetProperty("sections", out _)) throw new SourceMapException("index source maps (with \"sections\") are not read");
            string sourceRoot = root.TryGetProperty("sourceRoot", out var sr) && sr.ValueKind == JsonValueKind.String ? sr.GetString()! : "";
            if (sourceRoot.Length > 0 && !sourceRoot.EndsWith('/')) sourceRoot += "/";
            var sources = Strings(root, "sources").Select(s => sourceRoot + (s ?? "")).ToList();
            var contents = Strings(root, "sourcesContent");
            while (contents.Count < sources.Count) contents.Add(null);
            var names = Strings(root, "names").Select(n => n ?? "").ToList();
            if (!root.TryGetProperty("mappings", out var mappings) || mappings.ValueKind != JsonValueKind.String)
                throw new SourceMapException("the source map has no \"mappings\" string");
            string? file = root.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return new SourceMap(sources, contents, names, Decode(mappings.GetString()!, sources.Count, names.Count), file);
        }
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out SourceMap? map, out string? problem)
    {
        try
        {
            map = Parse(json);
            problem = null;
            return true;
        }
        catch (SourceMapException ex)
        {
            map = null;
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>The original place of a position in the generated file (1-based line and column, as a browser's stack
    /// trace gives them): the segment on that line that starts at or before the column, or null when the line has none
    /// there or the segment maps to no source.</summary>
    public SourceMapPosition? Find(int line, int column)
    {
        if (line < 1 || line > _lines.Length) return null;
        var segments = _lines[line - 1];
        if (segments.Length == 0) return null;
        int col = Math.Max(0, column - 1);
        int lo = 0, hi = segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (segments[mid].GeneratedColumn <= col)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        // Before the first segment of the line: take the first one (a stack frame's column may point at the whitespace
        // before the mapped code); it is still the right line of the right source.
        var s = segments[found < 0 ? 0 : found];
        if (s.Source < 0) return null;
        return new SourceMapPosition(Sources[s.Source], s.Line + 1, s.Column + 1, s.Name >= 0 ? Names[s.Name] : null);
    }

    private static List<string?> Strings(JsonElement root, string name)
    {
        var list = new List<string?>();
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in array.EnumerateArray()) list.Add(item.ValueKind == JsonValueKind.String ? item.GetString() : null);
        return list;
    }

    private readonly record struct Segment(int GeneratedColumn, int Source, int Line, int Column, int Name);

    // Base64 VLQ: each segment is 1, 4 or 5 fields; the generated column restarts on every line, the other fields are
    // deltas across the whole string.
    private static Segment[][] Decode(string mappings, int sourceCount, int nameCount)
    {
        var lines = new List<Segment[]>();
        var current = new List<Segment>();
        int source = 0, line = 0, column = 0, name = 0, generated = 0;
        Span<int> fields = stackalloc int[5];
        int i = 0;
        while (i <= mappings.Length)
        {
            if (i == mappings.Length || mappings[i] == ';')
            {
                lines.Add(Sorted(current));
                current.Clear();
                generated = 0;
                i++;
                continue;
            }
            if (mappings[i] == ',')
            {
                i++;
                continue;
            }
            int count = 0;
            while (i < mappings.Length && mappings[i] != ',' && mappings[i] != ';')
            {
                if (count == 5) throw new SourceMapException($"a mapping segment has more than 5 fields (at character {i})");
                fields[count++] = ReadVlq(mappings, ref i);
            }
            generated += fields[0];
            if (count == 1)
            {
                current.Add(new Segment(generated, -1, 0, 0, -1));
                continue;
            }
            if (count < 4) throw new SourceMapException($"a mapping segment has {count} fields; 1, 4 or 5 are allowed");
            source += fields[1];
            line += fields[2];
            column += fields[3];
            int segmentName = -1;
            if (count == 5)
            {
                name += fields[4];
                segmentName = name >= 0 && name < nameCount ? name : -1;
            }
            if (generated < 0 || source < 0 || source >= sourceCount || line < 0 || column < 0)
                throw new SourceMapException("a mapping segment points outside the map's sources");
            current.Add(new Segment(generated, source, line, column, segmentName));
        }
        return [.. lines];
    }

    private static Segment[] Sorted(List<Segment> segments)
    {
        var array = segments.ToArray();
        for (int k = 1; k < array.Length; k++)
        {
            if (array[k].GeneratedColumn < array[k - 1].GeneratedColumn)
            {
                Array.Sort(array, static (a, b) => a.GeneratedColumn.CompareTo(b.GeneratedColumn));
                break;
            }
        }
        return array;
    }

    private static int ReadVlq(string text, ref int i)
    {
        int result = 0, shift = 0;
        while (true)
        {
            if (i >= text.Length) throw new SourceMapException("the mappings end inside a number");
            int digit = Base64(text[i++]);
            if (digit < 0) throw new SourceMapException($"'{text[i - 1]}' is not a Base64 digit (at character {i - 1} of the mappings)");
            if (shift > 30) throw new SourceMapException("a number in the mappings is too large");
            result += (digit & 31) << shift;
            if ((digit & 32) == 0) break;
            shift += 5;
        }
        bool negative = (result & 1) == 1;
        result >>>= 1;
        return negative ? -result : result;
    }

    private static int Base64(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
