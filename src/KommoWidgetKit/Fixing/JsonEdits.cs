using System.Text;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Fixing;

/// <summary>A value to write into a JSON file: a text, a boolean, a raw number, or an object of named values in order.</summary>
public abstract record JsonValue
{
    /// <summary>A JSON string.</summary>
    public sealed record Text(string Value) : JsonValue;

    /// <summary>A JSON literal written as it is (<c>true</c>, <c>2</c>, <c>null</c>).</summary>
    public sealed record Raw(string Json) : JsonValue;

    /// <summary>A JSON object whose members keep this order.</summary>
    public sealed record Object(IReadOnlyList<KeyValuePair<string, JsonValue>> Members) : JsonValue;

    /// <summary>A JSON array.</summary>
    public sealed record Array(IReadOnlyList<JsonValue> Items) : JsonValue;

    /// <summary>A copy of a parsed node, each text passed through <paramref name="mapText"/>.</summary>
    public static JsonValue From(JNode node, Func<string, string>? mapText = null) => node switch
    {
        JString s => new Text(mapText is null ? s.Value : mapText(s.Value)),
        JNumber n => new Raw(n.Raw),
        JBoolean b => new Raw(b.Value ? "true" : "false"),
        JNull => new Raw("null"),
        JArray a => new Array(a.Items.Select(i => From(i, mapText)).ToList()),
        JObject o => new Object(o.DistinctProperties.Select(p => new KeyValuePair<string, JsonValue>(p.Name, From(p.Value, mapText))).ToList()),
        _ => new Raw("null"),
    };
}

/// <summary>Minimal edits of a parsed JSON file: each keeps every byte it does not need to touch, and new text follows the
/// file's own indentation and line endings.</summary>
public sealed class JsonEdits
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly JsonParseResult _json;

    /// <summary>Edits of <paramref name="bytes"/> as parsed into <paramref name="json"/>.</summary>
    public JsonEdits(ReadOnlyMemory<byte> bytes, JsonParseResult json)
    {
        _bytes = bytes;
        _json = json;
        Newline = bytes.Span.IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        IndentUnit = DetectIndentUnit();
    }

    /// <summary>The line ending new lines get: CRLF when the file already has one, else LF.</summary>
    public string Newline { get; }

    /// <summary>One level of indentation as the file writes it (two spaces when it cannot tell).</summary>
    public string IndentUnit { get; }

    /// <summary>The byte range of a node.</summary>
    public (int Start, int End) Range(JNode node) =>
        _json.Lines.GetRange(node.Span) ?? throw new InvalidOperationException($"the node at {node.Span} is not in the file");

    private (int Start, int End) PropertyRange(JProperty p)
    {
        var name = _json.Lines.GetRange(p.NameSpan) ?? throw new InvalidOperationException($"the key at {p.NameSpan} is not in the file");
        return (name.Start, Range(p.Value).End);
    }

    /// <summary>Replaces a whole value with <paramref name="value"/>.</summary>
    public TextEdit Replace(JNode node, JsonValue value)
    {
        var (start, end) = Range(node);
        return new TextEdit(start, end - start, Write(value, IndentOf(start)));
    }

    /// <summary>Removes one item of an array with the comma that separated it.</summary>
    public TextEdit RemoveItem(JArray array, int index)
    {
        var ranges = array.Items.Select(Range).ToList();
        return Remove(array, ranges, index);
    }

    /// <summary>Removes one member of an object with the comma that separated it.</summary>
    public TextEdit RemoveProperty(JObject obj, JProperty property)
    {
        int index = -1;
        for (int i = 0; i < obj.Properties.Count; i++)
            if (ReferenceEquals(obj.Properties[i], property)) index = i;
        if (index < 0) throw new ArgumentException("the property is not a member of the object", nameof(property));
        var ranges = obj.Properties.Select(PropertyRange).ToList();
        return Remove(obj, ranges, index);
    }

    private TextEdit Remove(JNode container, List<(int Start, int End)> ranges, int index)
    {
        var bytes = _bytes.Span;
        if (ranges.Count == 1)
        {
            // The only member: empty the brackets.
            var (open, close) = Range(container);
            return new TextEdit(open + 1, close - 1 - (open + 1), "");
        }
        if (index < ranges.Count - 1)
        {
            // From the item up to the next one: the next item takes its place, after the same indentation. When the item
            // starts its line, take the whole line so no blank line remains.
            int start = ranges[index].Start;
            int lineStart = start;
            while (lineStart > 0 && bytes[lineStart - 1] is (byte)' ' or (byte)'\t') lineStart--;
            int next = ranges[index + 1].Start;
            int nextLineStart = next;
            while (nextLineStart > 0 && bytes[nextLineStart - 1] is (byte)' ' or (byte)'\t') nextLineStart--;
            if ((lineStart == 0 || bytes[lineStart - 1] == (byte)'\n') && nextLineStart > start && bytes[nextLineStart - 1] == (byte)'\n')
                return new TextEdit(lineStart, nextLineStart - lineStart, "");
            return new TextEdit(start, next - start, "");
        }
        // The last item: from the end of the one before it, which takes the comma away too.
        int from = ranges[index - 1].End;
        return new TextEdit(from, ranges[index].End - from, "");
    }

    /// <summary>Adds a member at the end of an object.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="exclusive">Make the edit reach over the object's closing bracket (writing the bytes it covers again), so
    /// no other member is appended to the object in the same round of fixes. Plain appends to one object go in together,
    /// in order; a fix that may be offered more than once for one name (a key the manifest names twice, or that another
    /// rule adds too) asks for this, and the next round sees the member and offers nothing more.</param>
    public TextEdit AddProperty(JObject obj, string name, JsonValue value, bool exclusive = false)
    {
        var edit = AppendProperty(obj, name, value);
        if (!exclusive) return edit;
        var (_, close) = Range(obj);
        return new TextEdit(edit.Start, close - edit.Start, edit.NewText + Encoding.UTF8.GetString(_bytes.Span[edit.End..close]));
    }

    private TextEdit AppendProperty(JObject obj, string name, JsonValue value)
    {
        var (open, close) = Range(obj);
        string key = Quote(name) + ": ";
        if (obj.Properties.Count > 0)
        {
            var last = PropertyRange(obj.Properties[^1]);
            var first = PropertyRange(obj.Properties[0]);
            if (StartsLine(first.Start))
            {
                string indent = IndentOf(last.Start);
                return new TextEdit(last.End, 0, "," + Newline + indent + key + Write(value, indent));
            }
            return new TextEdit(last.End, 0, ", " + key + WriteInline(value));
        }
        // An empty object: on its own lines when it spans several or is the whole file ("{}" waiting for its texts), else inline.
        string outer = IndentOf(open);
        if (SpansLines(open, close) || ReferenceEquals(obj, _json.Root))
            return new TextEdit(open + 1, close - 1 - (open + 1), Newline + outer + IndentUnit + key + Write(value, outer + IndentUnit) + Newline + outer);
        return new TextEdit(open + 1, close - 1 - (open + 1), Padded(open, close, key + WriteInline(value)));
    }

    /// <summary>Adds an item at the end of an array.</summary>
    public TextEdit AddItem(JArray array, JsonValue value)
    {
        var (open, close) = Range(array);
        if (array.Items.Count > 0)
        {
            var last = Range(array.Items[^1]);
            var first = Range(array.Items[0]);
            if (StartsLine(first.Start))
            {
                string indent = IndentOf(last.Start);
                return new TextEdit(last.End, 0, "," + Newline + indent + Write(value, indent));
            }
            return new TextEdit(last.End, 0, ", " + WriteInline(value));
        }
        // An empty array: on its own lines when it spans several, else inline.
        string outer = IndentOf(open);
        if (SpansLines(open, close))
            return new TextEdit(open + 1, close - 1 - (open + 1), Newline + outer + IndentUnit + Write(value, outer + IndentUnit) + Newline + outer);
        return new TextEdit(open + 1, close - 1 - (open + 1), Padded(open, close, WriteInline(value)));
    }

    // The text for the inside of empty brackets on one line: "{ }" keeps its spaces around the text, "{}" has none.
    private static string Padded(int open, int close, string text) => close - open > 2 ? " " + text + " " : text;

    /// <summary>Removes a comment; a comment alone on its line goes with its line.</summary>
    public TextEdit RemoveComment((int Start, int End) comment)
    {
        var bytes = _bytes.Span;
        int start = comment.Start, end = comment.End;
        // A line comment's range may or may not include its line break: keep the break, it ends the line before.
        while (end > start && bytes[end - 1] is (byte)'\n' or (byte)'\r') end--;
        int lineStart = start;
        while (lineStart > 0 && bytes[lineStart - 1] is (byte)' ' or (byte)'\t') lineStart--;
        int lineEnd = end;
        while (lineEnd < bytes.Length && bytes[lineEnd] is (byte)' ' or (byte)'\t') lineEnd++;
        bool ownLine = (lineStart == 0 || bytes[lineStart - 1] == (byte)'\n')
            && (lineEnd == bytes.Length || bytes[lineEnd] is (byte)'\n' or (byte)'\r');
        if (ownLine)
        {
            if (lineEnd < bytes.Length && bytes[lineEnd] == (byte)'\r') lineEnd++;
            if (lineEnd < bytes.Length && bytes[lineEnd] == (byte)'\n') lineEnd++;
            return new TextEdit(lineStart, lineEnd - lineStart, "");
        }
        // Before code at the start of a line: take the spaces after it, so the code keeps the line's indentation.
        if (lineStart == 0 || bytes[lineStart - 1] == (byte)'\n')
            return new TextEdit(start, lineEnd - start, "");
        // After code on the same line: take the spaces before it too.
        return new TextEdit(lineStart, end - lineStart, "");
    }

    /// <summary>The text of a value written at a place indented by <paramref name="indent"/>.</summary>
    public string Write(JsonValue value, string indent)
    {
        var sb = new StringBuilder();
        WriteTo(sb, value, indent, inline: false);
        return sb.ToString();
    }

    /// <summary>The text of a value on one line, as in <c>{ "link": "…", "email": "…" }</c>.</summary>
    public string WriteInline(JsonValue value)
    {
        var sb = new StringBuilder();
        WriteTo(sb, value, "", inline: true);
        return sb.ToString();
    }

    private void WriteTo(StringBuilder sb, JsonValue value, string indent, bool inline)
    {
        switch (value)
        {
            case JsonValue.Text t:
                sb.Append(Quote(t.Value));
                break;
            case JsonValue.Raw r:
                sb.Append(r.Json);
                break;
            case JsonValue.Object { Members.Count: 0 }:
                sb.Append("{}");
                break;
            case JsonValue.Object o when inline:
                sb.Append("{ ");
                for (int i = 0; i < o.Members.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(Quote(o.Members[i].Key)).Append(": ");
                    WriteTo(sb, o.Members[i].Value, indent, inline);
                }
                sb.Append(" }");
                break;
            case JsonValue.Object o:
                sb.Append('{');
                for (int i = 0; i < o.Members.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(Newline).Append(indent).Append(IndentUnit);
                    sb.Append(Quote(o.Members[i].Key)).Append(": ");
                    WriteTo(sb, o.Members[i].Value, indent + IndentUnit, inline);
                }
                sb.Append(Newline).Append(indent).Append('}');
                break;
            case JsonValue.Array a:
                sb.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteTo(sb, a.Items[i], indent, inline);
                }
                sb.Append(']');
                break;
        }
    }

    /// <summary>A JSON string literal that escapes only what JSON needs: quotes, backslashes and control characters (and
    /// U+2028/U+2029 and unpaired surrogates, which could not be written as UTF-8). Everything else stays as authors write
    /// it: Cyrillic, accents, emoji, &lt;, &amp;.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        sb.Append(c).Append(text[++i]);
                    else if (c < ' ' || c is '\u2028' or '\u2029' || char.IsSurrogate(c))
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private bool StartsLine(int offset)
    {
        var bytes = _bytes.Span;
        int i = offset;
        while (i > 0 && bytes[i - 1] is (byte)' ' or (byte)'\t') i--;
        return i == 0 || bytes[i - 1] == (byte)'\n';
    }

    private bool SpansLines(int start, int end) => _bytes.Span[start..end].IndexOf((byte)'\n') >= 0;

    /// <summary>The white space that starts the line holding <paramref name="offset"/>.</summary>
    private string IndentOf(int offset)
    {
        var bytes = _bytes.Span;
        int lineStart = offset;
        while (lineStart > 0 && bytes[lineStart - 1] != (byte)'\n') lineStart--;
        int i = lineStart;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t') i++;
        return Encoding.UTF8.GetString(bytes[lineStart..i]);
    }

    private string DetectIndentUnit()
    {
        if (_json.Root is JObject { Properties.Count: > 0 } root && _json.Lines.GetRange(root.Properties[0].NameSpan) is { } first && StartsLine(first.Start))
        {
            string unit = IndentOf(first.Start);
            if (unit.Length > 0) return unit;
        }
        if (_json.Root is JArray { Items.Count: > 0 } array && StartsLine(Range(array.Items[0]).Start))
        {
            string unit = IndentOf(Range(array.Items[0]).Start);
            if (unit.Length > 0) return unit;
        }
        return "  ";
    }
}
