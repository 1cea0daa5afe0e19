using System.Globalization;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Parsing.Json;

/// <summary>The JSON type of a node.</summary>
public enum JKind
{
    /// <summary>An object.</summary>
    Object,
    /// <summary>An array.</summary>
    Array,
    /// <summary>A string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>null.</summary>
    Null,
}

/// <summary>A JSON value with its exact place in the source file and its JSON pointer.</summary>
public abstract class JNode(SourceSpan span, string pointer)
{
    /// <summary>Where the value stands in its file (from its first to past its last character).</summary>
    public SourceSpan Span { get; } = span.WithPointer(pointer);

    /// <summary>RFC 6901 pointer of the value, e.g. <c>/widget/locale/0</c>.</summary>
    public string Pointer { get; } = pointer;

    /// <summary>The JSON type.</summary>
    public abstract JKind Kind { get; }

    /// <summary>The name of the JSON type as users know it.</summary>
    public string KindName => Kind switch
    {
        JKind.Object => "object",
        JKind.Array => "array",
        JKind.String => "string",
        JKind.Number => "number",
        JKind.Boolean => "boolean",
        _ => "null",
    };

    /// <summary>A short rendering of the value for messages.</summary>
    public abstract string Display { get; }

    /// <summary>Escapes one reference token for a JSON pointer.</summary>
    public static string EscapePointerToken(string token) => token.Replace("~", "~0").Replace("/", "~1");
}

/// <summary>A property of a JSON object with the span of its name.</summary>
public sealed record JProperty(string Name, SourceSpan NameSpan, JNode Value);

/// <summary>A JSON object; properties keep source order, and a repeated name resolves to its last value as in JavaScript.</summary>
public sealed class JObject(SourceSpan span, string pointer, IReadOnlyList<JProperty> properties) : JNode(span, pointer)
{
    private readonly Dictionary<string, JProperty> _byName = BuildIndex(properties);

    /// <summary>The properties in source order (duplicates included).</summary>
    public IReadOnlyList<JProperty> Properties { get; } = properties;

    /// <inheritdoc />
    public override JKind Kind => JKind.Object;

    /// <inheritdoc />
    public override string Display => "{…}";

    /// <summary>The value of a property, or null when absent.</summary>
    public JNode? this[string name] => _byName.TryGetValue(name, out var p) ? p.Value : null;

    /// <summary>The property itself (with its name span), or null when absent.</summary>
    public JProperty? GetProperty(string name) => _byName.TryGetValue(name, out var p) ? p : null;

    /// <summary>Whether the object has the property.</summary>
    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The value when it is a string, else null.</summary>
    public string? GetString(string name) => (this[name] as JString)?.Value;

    /// <summary>The value when it is an object, else null.</summary>
    public JObject? GetObject(string name) => this[name] as JObject;

    /// <summary>The value when it is an array, else null.</summary>
    public JArray? GetArray(string name) => this[name] as JArray;

    /// <summary>Distinct properties, the last one of each name, in order of first appearance.</summary>
    public IEnumerable<JProperty> DistinctProperties
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in Properties)
                if (seen.Add(p.Name)) yield return _byName[p.Name];
        }
    }

    private static Dictionary<string, JProperty> BuildIndex(IReadOnlyList<JProperty> properties)
    {
        var d = new Dictionary<string, JProperty>(StringComparer.Ordinal);
        foreach (var p in properties) d[p.Name] = p;
        return d;
    }
}

/// <summary>A JSON array.</summary>
public sealed class JArray(SourceSpan span, string pointer, IReadOnlyList<JNode> items) : JNode(span, pointer)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<JNode> Items { get; } = items;

    /// <inheritdoc />
    public override JKind Kind => JKind.Array;

    /// <inheritdoc />
    public override string Display => "[…]";
}

/// <summary>A JSON string.</summary>
public sealed class JString(SourceSpan span, string pointer, string value) : JNode(span, pointer)
{
    /// <summary>The unescaped text.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override JKind Kind => JKind.String;

    /// <inheritdoc />
    public override string Display => "\"" + (Value.Length > 60 ? Value[..57] + "..." : Value) + "\"";
}

/// <summary>A JSON number, kept as written.</summary>
public sealed class JNumber(SourceSpan span, string pointer, string raw) : JNode(span, pointer)
{
    /// <summary>The number as written in the file.</summary>
    public string Raw { get; } = raw;

    /// <summary>The value as a double.</summary>
    public double Value => double.Parse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value when it is a whole number that fits a long.</summary>
    public long? IntegerValue => long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;

    /// <inheritdoc />
    public override JKind Kind => JKind.Number;

    /// <inheritdoc />
    public override string Display => Raw;
}

/// <summary>JSON true or false.</summary>
public sealed class JBoolean(SourceSpan span, string pointer, bool value) : JNode(span, pointer)
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc />
    public override JKind Kind => JKind.Boolean;

    /// <inheritdoc />
    public override string Display => Value ? "true" : "false";
}

/// <summary>JSON null.</summary>
public sealed class JNull(SourceSpan span, string pointer) : JNode(span, pointer)
{
    /// <inheritdoc />
    public override JKind Kind => JKind.Null;

    /// <inheritdoc />
    public override string Display => "null";
}
