using System.Text;
using System.Text.Json;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Parsing.Json;

/// <summary>What kind of problem the JSON parser met.</summary>
public enum JsonIssueKind
{
    /// <summary>The file is empty or only white space.</summary>
    Empty,
    /// <summary>The file starts with a UTF-8 byte order mark.</summary>
    ByteOrderMark,
    /// <summary>The file has bytes that are not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>A comment, which strict JSON parsers (PHP's json_decode among them) refuse.</summary>
    Comment,
    /// <summary>A comma before a closing bracket or brace.</summary>
    TrailingComma,
    /// <summary>An object has the same key twice; the last value wins.</summary>
    DuplicateKey,
    /// <summary>Not JSON at this place.</summary>
    Syntax,
    /// <summary>Nesting deeper than the parser allows.</summary>
    TooDeep,
}

/// <summary>One problem met while parsing JSON, with its place.</summary>
public sealed record JsonIssue(JsonIssueKind Kind, SourceSpan Span, string Detail);

/// <summary>The outcome of parsing a JSON file: the tree (when one could be built) and the problems met.</summary>
public sealed record JsonParseResult(JNode? Root, IReadOnlyList<JsonIssue> Issues, LineIndex Lines)
{
    /// <summary>True when the file is strict JSON with nothing to report.</summary>
    public bool IsClean => Root is not null && Issues.Count == 0;

    /// <summary>True when an issue makes the file unacceptable to a strict JSON parser.</summary>
    public bool HasFatalIssue => Root is null || Issues.Any(i => i.Kind is JsonIssueKind.Syntax or JsonIssueKind.TooDeep or JsonIssueKind.Empty);
}

/// <summary>Parses JSON into a <see cref="JNode"/> tree with exact positions, reporting problems instead of throwing.</summary>
public static class JsonParser
{
    /// <summary>Deepest nesting accepted; deeper input is reported, not followed.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="bytes"/> from the file at <paramref name="path"/>.</summary>
    public static JsonParseResult Parse(string path, ReadOnlyMemory<byte> bytes)
    {
        var issues = new List<JsonIssue>();
        var data = bytes;
        int bomLength = 0;
        if (data.Span.StartsWith(Utf8Bom))
        {
            bomLength = 3;
            issues.Add(new JsonIssue(JsonIssueKind.ByteOrderMark, new SourceSpan(path, 1, 1, 1, 1), "starts with a UTF-8 byte order mark"));
        }

        int invalidAt = TextAnalysis.FindInvalidUtf8(data.Span);
        if (invalidAt >= 0)
        {
            var rawLines = new LineIndex(data);
            var (l, c) = rawLines.GetPosition(invalidAt);
            issues.Add(new JsonIssue(JsonIssueKind.InvalidUtf8, new SourceSpan(path, l, c, l, c + 1),
                $"byte 0x{data.Span[invalidAt]:X2} at offset {invalidAt} is not valid UTF-8"));
            // Carry on with the bad bytes replaced, so the rest of the file is still checked.
            data = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data.Span));
        }

        var lines = new LineIndex(data);
        var content = data[bomLength..];
        if (TextAnalysis.IsWhiteSpace(content.Span))
        {
            issues.Add(new JsonIssue(JsonIssueKind.Empty, SourceSpan.File(path) with { StartLine = 1, StartColumn = 1, EndLine = 1, EndColumn = 1 },
                data.Length == 0 ? "the file is empty" : "the file holds only white space"));
            return new JsonParseResult(null, issues, lines);
        }

        var builder = new TreeBuilder(path, data, bomLength, lines, issues);
        var root = builder.Build();
        return new JsonParseResult(root, issues, lines);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private sealed class Frame(bool isObject, string pointer, long start)
    {
        public bool IsObject { get; } = isObject;
        public string Pointer { get; } = pointer;
        public long Start { get; } = start;
        public List<JProperty> Properties { get; } = [];
        public List<JNode> Items { get; } = [];
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
        public string? PendingName { get; set; }
        public SourceSpan? PendingNameSpan { get; set; }
    }

    private sealed class TreeBuilder(string path, ReadOnlyMemory<byte> data, int bomLength, LineIndex lines, List<JsonIssue> issues)
    {
        private readonly Stack<Frame> _stack = new();
        private JNode? _root;
        private long _lastTokenEnd;

        public JNode? Build()
        {
            var options = new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Allow,
                AllowTrailingCommas = true,
                MaxDepth = MaxDepth,
            };
            var reader = new Utf8JsonReader(data.Span[bomLength..], options);
            try
            {
                while (reader.Read())
                    Handle(ref reader);
            }
            catch (JsonException ex)
            {
                ReportReaderError(ex);
                // Keep the root only when it was complete (text after it); a tree cut off mid-way would make
                // other rules report every key after the error as missing.
                return _root;
            }
            return _root;
        }

        private long Abs(long offset) => offset + bomLength;

        private void Handle(ref Utf8JsonReader reader)
        {
            long start = Abs(reader.TokenStartIndex);
            long end = Abs(reader.BytesConsumed);
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment:
                    issues.Add(new JsonIssue(JsonIssueKind.Comment, lines.Span(path, start, end), "comments are not allowed in JSON"));
                    return; // comments do not move _lastTokenEnd
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    _stack.Push(new Frame(reader.TokenType == JsonTokenType.StartObject, NextPointer(), start));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    CheckTrailingComma(start);
                    var frame = _stack.Pop();
                    var span = lines.Span(path, frame.Start, end);
                    JNode node = frame.IsObject
                        ? new JObject(span, frame.Pointer, frame.Properties)
                        : new JArray(span, frame.Pointer, frame.Items);
                    Attach(node);
                    break;
                case JsonTokenType.PropertyName:
                    var top = _stack.Peek();
                    var nameSpan = lines.Span(path, start, end);
                    string name = ReadString(ref reader, nameSpan);
                    if (!top.Names.Add(name))
                        issues.Add(new JsonIssue(JsonIssueKind.DuplicateKey, nameSpan.WithPointer(top.Pointer + "/" + JNode.EscapePointerToken(name)),
                            $"key \"{name}\" appears more than once in this object; the last value wins"));
                    top.PendingName = name;
                    top.PendingNameSpan = nameSpan;
                    break;
                case JsonTokenType.String:
                    var stringSpan = lines.Span(path, start, end);
                    Attach(new JString(stringSpan, NextPointer(), ReadString(ref reader, stringSpan)));
                    break;
                case JsonTokenType.Number:
                    Attach(new JNumber(lines.Span(path, start, end), NextPointer(), Encoding.UTF8.GetString(reader.ValueSpan)));
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    Attach(new JBoolean(lines.Span(path, start, end), NextPointer(), reader.TokenType == JsonTokenType.True));
                    break;
                case JsonTokenType.Null:
                    Attach(new JNull(lines.Span(path, start, end), NextPointer()));
                    break;
            }
            _lastTokenEnd = end;
        }

        // GetString throws on an escaped unpaired surrogate ("\ud83d"); strict parsers such as PHP's refuse it too.
        private string ReadString(ref Utf8JsonReader reader, SourceSpan span)
        {
            try
            {
                return reader.GetString() ?? "";
            }
            catch (InvalidOperationException)
            {
                issues.Add(new JsonIssue(JsonIssueKind.Syntax, span, "the string holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"));
                return Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }

        private string NextPointer()
        {
            if (_stack.Count == 0) return "";
            var top = _stack.Peek();
            return top.IsObject
                ? top.Pointer + "/" + JNode.EscapePointerToken(top.PendingName ?? "")
                : top.Pointer + "/" + top.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Attach(JNode node)
        {
            if (_stack.Count == 0)
            {
                _root = node;
                return;
            }
            var top = _stack.Peek();
            if (top.IsObject)
            {
                top.Properties.Add(new JProperty(top.PendingName ?? "", top.PendingNameSpan ?? node.Span, node));
                top.PendingName = null;
                top.PendingNameSpan = null;
            }
            else
            {
                top.Items.Add(node);
            }
        }

        private void CheckTrailingComma(long closingAt)
        {
            var span = data.Span;
            long i = _lastTokenEnd;
            while (i < closingAt)
            {
                byte b = span[(int)i];
                if (b == (byte)',')
                {
                    issues.Add(new JsonIssue(JsonIssueKind.TrailingComma, lines.Span(path, i, i + 1), "trailing comma before the closing bracket"));
                    return;
                }
                if (b == (byte)'/' && i + 1 < closingAt && span[(int)i + 1] == (byte)'/')
                {
                    while (i < closingAt && span[(int)i] != (byte)'\n') i++;
                    continue;
                }
                if (b == (byte)'/' && i + 1 < closingAt && span[(int)i + 1] == (byte)'*')
                {
                    i += 2;
                    while (i + 1 < closingAt && !(span[(int)i] == (byte)'*' && span[(int)i + 1] == (byte)'/')) i++;
                    i += 2;
                    continue;
                }
                i++;
            }
        }

        private void ReportReaderError(JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            // The reader counts lines of the content after the BOM; the BOM sits on line 1 only.
            long inLine = ex.BytePositionInLine ?? 0;
            if (line == 1) inLine += bomLength; // GetColumn measures line 1 from the file's first byte
            int column = lines.GetColumn(line, inLine);
            bool tooDeep = _stack.Count >= MaxDepth;
            string detail = tooDeep
                ? $"nesting is deeper than {MaxDepth} levels"
                : DescribeError(ex.Message);
            issues.Add(new JsonIssue(tooDeep ? JsonIssueKind.TooDeep : JsonIssueKind.Syntax,
                new SourceSpan(path, line, column, line, column + 1), detail));
        }

        private static string DescribeError(string message)
        {
            // System.Text.Json's messages end with "LineNumber: n | BytePositionInLine: m." — we give positions ourselves.
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var text = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
            return text.Length == 0 ? "invalid JSON" : char.ToLowerInvariant(text[0]) + text[1..];
        }
    }
}
