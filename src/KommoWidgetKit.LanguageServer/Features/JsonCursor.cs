namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Where a place in a JSON text is, read tolerantly (the text is being typed and is often not valid JSON):
/// the path of keys down to it, whether it is a key or a value, and the string token it is in.</summary>
internal sealed class JsonCursor
{
    /// <summary>Keys from the root down to the place; an array item is <c>[]</c>.</summary>
    public required IReadOnlyList<string> Path { get; init; }

    /// <summary>True when the place is where a key goes (or in a key string).</summary>
    public bool InKey { get; init; }

    /// <summary>The string token holding the place: its start and end offsets (the quotes included; the end is the text's
    /// end of line when the string is not closed yet) and its content; null when the place is not in a string.</summary>
    public (int Start, int End, string Value)? String { get; init; }

    /// <summary>The text of the string from its opening quote up to the place.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The keys of the object the place is in (all of them, also those after the place).</summary>
    public required IReadOnlySet<string> SiblingKeys { get; init; }

    private sealed class Frame(bool isObject, string segment)
    {
        public bool IsObject { get; } = isObject;
        public string Segment { get; } = segment;
        public bool ExpectKey { get; set; } = isObject;
        public string? PendingKey { get; set; }
        public string? CurrentKey { get; set; }
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Reads <paramref name="text"/> up to <paramref name="offset"/> (a UTF-16 index) and beyond, to know the keys.</summary>
    public static JsonCursor? At(string text, int offset)
    {
        var stack = new List<Frame>();
        JsonCursor? found = null;
        Frame? foundFrame = null;
        int i = 0;
        // Deeper than this is not a manifest anybody writes; stop reading rather than grow.
        const int MaxDepth = 64;

        JsonCursor Snapshot(bool inString, (int, int, string)? token, string prefix)
        {
            var path = new List<string>();
            for (int k = 1; k < stack.Count; k++) path.Add(stack[k].Segment);
            bool inKey = false;
            if (stack.Count > 0)
            {
                var top = stack[^1];
                if (top.IsObject)
                {
                    inKey = top.ExpectKey;
                    if (!inKey && top.CurrentKey is { } key) path.Add(key);
                    else if (!inKey && top.PendingKey is { } pending) path.Add(pending);
                }
                else path.Add("[]");
            }
            foundFrame = stack.Count > 0 ? stack[^1] : null;
            return new JsonCursor { Path = path, InKey = inKey, String = inString ? token : null, Prefix = prefix, SiblingKeys = foundFrame?.Keys ?? new HashSet<string>() };
        }

        while (i < text.Length)
        {
            if (found is null && i >= offset) found = Snapshot(false, null, "");
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                continue;
            }
            switch (c)
            {
                case '"':
                {
                    int start = i;
                    int j = i + 1;
                    var sb = new System.Text.StringBuilder();
                    bool closed = false;
                    while (j < text.Length)
                    {
                        char d = text[j];
                        if (d == '\\' && j + 1 < text.Length) { sb.Append(text[j + 1]); j += 2; continue; }
                        if (d == '"') { closed = true; break; }
                        if (d == '\n' || d == '\r') break;
                        sb.Append(d);
                        j++;
                    }
                    int end = closed ? j + 1 : j;
                    string value = sb.ToString();
                    if (found is null && offset > start && offset <= (closed ? j : end))
                        found = Snapshot(true, (start, end, value), text[(start + 1)..offset]);
                    if (stack.Count > 0 && stack[^1] is { IsObject: true, ExpectKey: true } obj)
                    {
                        obj.PendingKey = value;
                        obj.Keys.Add(value);
                        obj.ExpectKey = false;
                    }
                    i = end;
                    continue;
                }
                case ':':
                    if (stack.Count > 0 && stack[^1].IsObject)
                    {
                        stack[^1].CurrentKey = stack[^1].PendingKey;
                        stack[^1].ExpectKey = false;
                    }
                    i++;
                    continue;
                case ',':
                    if (stack.Count > 0 && stack[^1].IsObject)
                    {
                        stack[^1].ExpectKey = true;
                        stack[^1].CurrentKey = null;
                        stack[^1].PendingKey = null;
                    }
                    i++;
                    continue;
                case '{':
                case '[':
                {
                    if (stack.Count >= MaxDepth) return found;
                    string segment = "";
                    if (stack.Count > 0)
                        segment = stack[^1].IsObject ? stack[^1].CurrentKey ?? stack[^1].PendingKey ?? "" : "[]";
                    stack.Add(new Frame(c == '{', segment));
                    i++;
                    continue;
                }
                case '}':
                case ']':
                    if (stack.Count > 0)
                    {
                        var popped = stack[^1];
                        stack.RemoveAt(stack.Count - 1);
                        // Past the end of the object the place is in: its keys are all known.
                        if (found is not null && ReferenceEquals(popped, foundFrame)) return found;
                    }
                    i++;
                    continue;
                default:
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ':' or '{' or '}' or '[' or ']' or '"')) i++;
                    continue;
            }
        }
        return found ?? Snapshot(false, null, "");
    }
}
