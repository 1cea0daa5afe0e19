using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Model;

/// <summary>One <c>i18n/&lt;locale&gt;.json</c> file, parsed.</summary>
public sealed class I18nDocument
{
    internal I18nDocument(WidgetFile file)
    {
        File = file;
        Locale = System.IO.Path.GetFileNameWithoutExtension(file.Path);
        Json = JsonParser.Parse(file.Path, file.Content);
        Root = Json.Root as JObject;
    }

    /// <summary>The file.</summary>
    public WidgetFile File { get; }

    /// <summary>The locale code taken from the file name, e.g. <c>en</c>.</summary>
    public string Locale { get; }

    /// <summary>The JSON parse outcome.</summary>
    public JsonParseResult Json { get; }

    /// <summary>The root object, or null when the file is not a JSON object.</summary>
    public JObject? Root { get; }

    /// <summary>Follows a dotted key (<c>settings.login</c>) to its value, or null when any part is missing.</summary>
    public JNode? Resolve(string key)
    {
        JNode? node = Root;
        foreach (var part in key.Split('.'))
        {
            if (node is not JObject o) return null;
            node = o[part];
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>Every leaf (non-object value) as a dotted key with its node, in source order.</summary>
    public IEnumerable<(string Key, JNode Node)> Leaves()
    {
        if (Root is null) yield break;
        var stack = new Stack<(string Prefix, JObject Obj)>();
        stack.Push(("", Root));
        var ordered = new List<(string, JNode)>();
        while (stack.Count > 0)
        {
            var (prefix, obj) = stack.Pop();
            foreach (var p in obj.DistinctProperties)
            {
                string key = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
                if (p.Value is JObject child && child.Properties.Count > 0) stack.Push((key, child));
                else ordered.Add((key, p.Value));
            }
        }
        foreach (var item in ordered.OrderBy(i => i.Item2.Span.StartLine).ThenBy(i => i.Item2.Span.StartColumn)) yield return item;
    }
}
