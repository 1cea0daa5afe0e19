using System.Text.RegularExpressions;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Model;

/// <summary>A field of the manifest's <c>settings</c> (or <c>dp.settings</c>) block.</summary>
/// <param name="Code">The field code (the property name).</param>
/// <param name="Property">The property, with the span of its name.</param>
/// <param name="Node">The field object, or null when the value is not an object.</param>
public sealed record SettingField(string Code, JProperty Property, JObject? Node)
{
    /// <summary>The <c>type</c> value, when it is a string.</summary>
    public string? Type => Node?.GetString("type");

    /// <summary>The <c>name</c> value (an i18n path), when it is a string.</summary>
    public string? NameKey => Node?.GetString("name");

    /// <summary>The <c>required</c> value when it is a boolean.</summary>
    public bool? Required => (Node?["required"] as JBoolean)?.Value;
}

/// <summary>A manifest string that names an i18n key, e.g. <c>"widget.name"</c>.</summary>
/// <param name="Key">The dotted key.</param>
/// <param name="Node">Where the reference stands.</param>
/// <param name="Optional">True when a missing key only falls back (e.g. salesbot default values), so a literal is fine.</param>
public sealed record I18nReference(string Key, JString Node, bool Optional = false);

/// <summary>The parsed manifest.json with typed views over its JSON tree.</summary>
public sealed partial class ManifestDocument
{
    internal ManifestDocument(WidgetFile file)
    {
        File = file;
        Json = JsonParser.Parse(file.Path, file.Content);
        Root = Json.Root as JObject;
        WidgetBlock = Root?.GetObject("widget");
        Locations = Strings(Root?.GetArray("locations"), LocationEntry.Parse);
        LocaleNodes = Strings(WidgetBlock?.GetArray("locale"), n => n);
        Settings = ReadFields(Root?.GetObject("settings"));
        DpSettings = ReadFields(Root?.GetObject("dp")?.GetObject("settings"));
    }

    /// <summary>The manifest file.</summary>
    public WidgetFile File { get; }

    /// <summary>The JSON parse outcome (tree, problems, line index).</summary>
    public JsonParseResult Json { get; }

    /// <summary>The root object, or null when the file is not a JSON object.</summary>
    public JObject? Root { get; }

    /// <summary>The <c>widget</c> block.</summary>
    public JObject? WidgetBlock { get; }

    /// <summary>The <c>locations</c> entries that are strings, split into area and suffix.</summary>
    public IReadOnlyList<LocationEntry> Locations { get; }

    /// <summary>The <c>widget.locale</c> entries that are strings.</summary>
    public IReadOnlyList<JString> LocaleNodes { get; }

    /// <summary>The declared locale codes.</summary>
    public IReadOnlyList<string> Locales => LocaleNodes.Select(n => n.Value).ToList();

    // The string items of an array, mapped (a plain loop: OfType().Select() costs a run-time generic lookup under Native AOT).
    private static List<T> Strings<T>(JArray? array, Func<JString, T> map)
    {
        var list = new List<T>();
        if (array is null) return list;
        foreach (var item in array.Items)
            if (item is JString s) list.Add(map(s));
        return list;
    }

    /// <summary>The <c>settings</c> fields.</summary>
    public IReadOnlyList<SettingField> Settings { get; }

    /// <summary>The <c>dp.settings</c> fields.</summary>
    public IReadOnlyList<SettingField> DpSettings { get; }

    /// <summary>The <c>dp</c> block (digital pipeline), when it is an object.</summary>
    public JObject? DpBlock => Root?.GetObject("dp");

    /// <summary><c>dp.webhook_url</c>, when it is a non-empty string.</summary>
    public string? DpWebhookUrl => DpBlock?.GetString("webhook_url") is { Length: > 0 } url ? url : null;

    /// <summary>Whether <c>dp.action_multiple</c> is <c>true</c>.</summary>
    public bool DpActionMultiple => (DpBlock?["action_multiple"] as JBoolean)?.Value == true;

    /// <summary>Legacy <c>widget.code</c>.</summary>
    public string? Code => WidgetBlock?.GetString("code");

    /// <summary><c>widget.version</c>, when it is a string.</summary>
    public string? Version => WidgetBlock?.GetString("version");

    /// <summary><c>widget.init_once</c> read as Kommo does (true, "Y", 1).</summary>
    public bool InitOnce => WidgetBlock?["init_once"] switch
    {
        JBoolean b => b.Value,
        JString s => s.Value is "Y" or "y" or "true" or "1",
        JNumber n => n.Raw != "0",
        _ => false,
    };

    /// <summary>Whether a location with this area (any suffix) is listed.</summary>
    public bool HasLocation(string area) => Locations.Any(l => l.Area == area);

    /// <summary>Every manifest string that refers to an i18n key, with its place.</summary>
    public IEnumerable<I18nReference> I18nReferences()
    {
        if (Root is null) yield break;
        foreach (var name in new[] { "name", "description", "short_description" })
            if (WidgetBlock?[name] is JString s && LooksLikeKey(s.Value)) yield return new(s.Value, s);
        if (Root.GetObject("tour")?["tour_description"] is JString td && LooksLikeKey(td.Value)) yield return new(td.Value, td);
        foreach (var f in Settings.Concat(DpSettings))
            if (f.Node?["name"] is JString n && LooksLikeKey(n.Value)) yield return new(n.Value, n);
        if (Root.GetObject("advanced")?["title"] is JString at && LooksLikeKey(at.Value)) yield return new(at.Value, at);
        if (Root.GetObject("salesbot_designer") is { } sb)
        {
            foreach (var handler in sb.DistinctProperties)
            {
                if (handler.Value is not JObject h) continue;
                if (h["name"] is JString hn && LooksLikeKey(hn.Value)) yield return new(hn.Value, hn);
                if (h.GetObject("settings") is not { } hs) continue;
                foreach (var field in hs.DistinctProperties)
                {
                    if (field.Value is not JObject fo) continue;
                    if (fo["name"] is JString fn && LooksLikeKey(fn.Value)) yield return new(fn.Value, fn);
                    if (fo["default_value"] is JString dv && LooksLikeKey(dv.Value)) yield return new(dv.Value, dv, Optional: true);
                }
            }
        }
        if (Root.GetObject("left_menu") is { } lm)
        {
            foreach (var item in lm.DistinctProperties)
            {
                if (item.Value is not JObject io) continue;
                if (io["title"] is JString t && LooksLikeKey(t.Value)) yield return new(t.Value, t);
                if (io.GetObject("submenu") is not { } sub) continue;
                foreach (var si in sub.DistinctProperties)
                    if (si.Value is JObject so && so["title"] is JString st && LooksLikeKey(st.Value)) yield return new(st.Value, st);
            }
        }
    }

    /// <summary>Whether a manifest string reads as a dotted i18n key rather than literal text.</summary>
    public static bool LooksLikeKey(string value) => KeyPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)+$")]
    private static partial Regex KeyPattern();

    private static IReadOnlyList<SettingField> ReadFields(JObject? block) =>
        block?.DistinctProperties.Select(p => new SettingField(p.Name, p, p.Value as JObject)).ToList() ?? [];
}
