using System.Text.Json;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>The manifest JSON Schema shipped with the tool (<c>schemas/manifest.schema.json</c>), walked by key path for
/// completion and hover: what keys an object takes, what they mean, which values a key takes.</summary>
internal sealed class ManifestSchema
{
    private readonly JsonElement _root;

    private ManifestSchema(JsonElement root) => _root = root;

    public static ManifestSchema Instance { get; } = Load();

    private static ManifestSchema Load()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("manifest.schema.json")
            ?? throw new InvalidOperationException("the manifest schema is not embedded");
        using var doc = JsonDocument.Parse(stream);
        return new ManifestSchema(doc.RootElement.Clone());
    }

    /// <summary>A key of an object: its name, description, whether it is deprecated, and its schema.</summary>
    public sealed record Key(string Name, string? Description, bool Deprecated, JsonElement Schema);

    private JsonElement Resolve(JsonElement node)
    {
        for (int guard = 0; guard < 8 && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var r) && r.GetString() is { } reference; guard++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal)) break;
            var target = _root;
            foreach (var part in reference[2..].Split('/'))
                if (!target.TryGetProperty(part, out target)) return node;
            node = target;
        }
        return node;
    }

    /// <summary>The schema at a key path (<c>[]</c> for an array item), or null.</summary>
    public JsonElement? At(IReadOnlyList<string> path)
    {
        JsonElement node = _root;
        foreach (var segment in path)
        {
            node = Resolve(node);
            if (segment == "[]")
            {
                if (!node.TryGetProperty("items", out node)) return null;
                continue;
            }
            if (node.TryGetProperty("properties", out var props) && props.TryGetProperty(segment, out var child)) { node = child; continue; }
            if (node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object) { node = extra; continue; }
            return null;
        }
        return node;
    }

    /// <summary>Whether the schema node is a text that names an i18n key.</summary>
    public static bool IsI18nText(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var r) && r.GetString() == "#/$defs/i18nText";

    /// <summary>The keys an object at this schema node takes.</summary>
    public IReadOnlyList<Key> Keys(JsonElement node)
    {
        node = Resolve(node);
        var list = new List<Key>();
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("properties", out var props)) return list;
        foreach (var p in props.EnumerateObject())
        {
            if (p.Name == "$schema") continue;
            var resolved = Resolve(p.Value);
            list.Add(new Key(p.Name, Description(p.Value) ?? Description(resolved), Flag(p.Value, "deprecated"), p.Value));
        }
        return list;
    }

    /// <summary>The node's description, its own before that of what it refers to.</summary>
    public string? Description(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String) return d.GetString();
        var resolved = Resolve(node);
        return !resolved.Equals(node) && resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("description", out d) && d.ValueKind == JsonValueKind.String
            ? d.GetString() : null;
    }

    /// <summary>The values the node allows, when it lists them (<c>enum</c>, <c>const</c>, booleans), as JSON text.</summary>
    public IReadOnlyList<string> Values(JsonElement node)
    {
        node = Resolve(node);
        var list = new List<string>();
        if (node.ValueKind != JsonValueKind.Object) return list;
        if (node.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array)
            foreach (var v in e.EnumerateArray()) list.Add(v.GetRawText());
        if (node.TryGetProperty("const", out var c)) list.Add(c.GetRawText());
        if (node.TryGetProperty("type", out var t) && t.GetString() == "boolean") list.AddRange(["true", "false"]);
        return list;
    }

    private static bool Flag(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
