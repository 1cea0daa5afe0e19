using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation;

/// <summary>One setting value given in <c>dev.settings</c>.</summary>
/// <param name="Code">The setting's code (its key in the manifest's <c>settings</c>).</param>
/// <param name="Value">The value as written.</param>
public sealed record DevSetting(string Code, JNode Value);

/// <summary>The <c>dev</c> block of <c>kommo-widget.json</c>: how <c>kommo-widget dev</c> starts, e.g.
/// <c>"dev": { "settings": { "api_key": "test" }, "installed": true }</c> installs the widget with those values on start.</summary>
/// <param name="Installed">Install the widget on start (the default); false starts it not installed.</param>
/// <param name="Settings">The setting values, in file order.</param>
/// <param name="IsValid">False when the block has problems (they are findings of KW6020); the host then ignores it.</param>
/// <param name="Span">Where the block stands.</param>
public sealed record DevConfig(bool Installed, IReadOnlyList<DevSetting> Settings, bool IsValid, SourceSpan Span)
{
    /// <summary>The setting values as the settings modal saves them: a JSON object of code to value, where a <c>custom</c>
    /// value written as an object or array becomes its JSON text (the string the widget keeps in its hidden input).</summary>
    public string SettingsJson(ManifestDocument? manifest)
    {
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in manifest?.Settings ?? []) types[field.Code] = field.Type;
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            foreach (var setting in Settings)
            {
                writer.WritePropertyName(setting.Code);
                if (types.GetValueOrDefault(setting.Code) == "custom" && setting.Value is JObject or JArray)
                {
                    var inner = new MemoryStream();
                    using (var innerWriter = new Utf8JsonWriter(inner, Relaxed)) setting.Value.WriteTo(innerWriter);
                    writer.WriteStringValue(Encoding.UTF8.GetString(inner.ToArray()));
                }
                else
                {
                    setting.Value.WriteTo(writer); // the model's tree as strict JSON (JsonTreeWriter)
                }
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Kept readable ("a", not \u0022a\u0022): the text is stored and shown, never embedded in HTML.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the block, checking it as the settings modal checks an install: every setting is one of the manifest's,
    /// each value has the shape of its type, and (when installing) every required setting is filled in.</summary>
    internal static DevConfig Read(JProperty property, ManifestDocument? manifest, List<(SourceSpan, string)> problems)
    {
        int before = problems.Count;
        if (property.Value is not JObject block)
        {
            problems.Add((property.Value.Span, "\"dev\" must be an object, e.g. { \"settings\": { … }, \"installed\": true }"));
            return new DevConfig(false, [], false, property.Value.Span);
        }
        bool installed = true;
        JObject? settings = null;
        foreach (var p in block.DistinctProperties)
        {
            switch (p.Name)
            {
                case "installed":
                    if (p.Value is JBoolean b) installed = b.Value;
                    else problems.Add((p.Value.Span, "\"dev.installed\" must be true or false"));
                    break;
                case "settings":
                    if (p.Value is JObject o) settings = o;
                    else problems.Add((p.Value.Span, "\"dev.settings\" must be an object of setting code to value"));
                    break;
                default:
                    problems.Add((p.NameSpan, $"unknown setting \"dev.{p.Name}\" (expected settings or installed)"));
                    break;
            }
        }

        var values = new List<DevSetting>();
        // Without a readable manifest there is nothing to check the values against; its own findings say why.
        var fields = manifest?.Root is null ? null : manifest.Settings.GroupBy(f => f.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var p in settings?.DistinctProperties ?? [])
        {
            values.Add(new DevSetting(p.Name, p.Value));
            if (fields is null) continue;
            if (!fields.TryGetValue(p.Name, out var field))
            {
                problems.Add((p.NameSpan, fields.Count == 0
                    ? $"\"dev.settings.{p.Name}\" is not a setting of manifest.json, which declares none"
                    : $"\"dev.settings.{p.Name}\" is not a setting of manifest.json (it has {string.Join(", ", fields.Keys)})"));
                continue;
            }
            if (ShapeProblem(field.Type, p.Value) is { } shape)
                problems.Add((p.Value.Span, $"\"dev.settings.{p.Name}\" ({field.Type}) {shape}"));
        }
        if (installed && fields is not null)
        {
            foreach (var field in fields.Values)
            {
                if (field.Required != true) continue;
                var given = settings?[field.Code];
                if (given is null)
                    problems.Add((((JNode?)settings ?? block).Span, $"required setting \"{field.Code}\" is missing from \"dev.settings\"; Kommo installs a widget only with every required setting filled in"));
                else if (IsEmpty(given))
                    problems.Add((given.Span, $"required setting \"dev.settings.{field.Code}\" is empty; Kommo installs a widget only with every required setting filled in"));
            }
        }
        return new DevConfig(installed, values, problems.Count == before, block.Span);
    }

    private static bool IsEmpty(JNode value) => value switch
    {
        JString s => string.IsNullOrWhiteSpace(s.Value),
        JObject o => o.Properties.Count == 0,
        JArray a => a.Items.Count == 0,
        JNull => true,
        _ => false,
    };

    // The values the settings modal can produce for each field type (DevHost README, "Settings and state").
    private static string? ShapeProblem(string? type, JNode value) => type switch
    {
        "text" or "pass" => value is JString ? null : $"must be a string, not {Article(value)}",
        "users" => value is JObject users
            ? users.Properties.FirstOrDefault(u => u.Value is not JString) is { } bad ? $"must map user ids to strings; \"{bad.Name}\" is {Article(bad.Value)}" : null
            : $"must be an object of user id to value, e.g. {{ \"9000001\": \"…\" }}, not {Article(value)}",
        "users_lp" => value is JObject pairs
            ? pairs.Properties.FirstOrDefault(u => u.Value is not JObject lp || lp.Properties.Any(x => x.Value is not JString)) is { } bad
                ? $"must map user ids to {{ \"login\": \"…\", \"password\": \"…\" }}; \"{bad.Name}\" is not such an object" : null
            : $"must be an object of user id to {{ \"login\", \"password\" }}, not {Article(value)}",
        "custom" => value is JString or JObject or JArray ? null : $"must be a string (or an object or array, kept as its JSON text), not {Article(value)}",
        _ => null, // an unknown type is KW1xxx's finding
    };

    private static string Article(JNode node) => node.Kind switch
    {
        JKind.Object => "an object",
        JKind.Array => "an array",
        JKind.Null => "null",
        _ => "a " + node.KindName,
    };
}
