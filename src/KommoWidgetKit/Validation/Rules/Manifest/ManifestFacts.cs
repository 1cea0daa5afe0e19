using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;
using KommoWidgetKit.Text;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>Facts from the spec (§2, §3) and small helpers shared by the manifest rules.</summary>
internal static partial class ManifestFacts
{
    /// <summary>Documented top-level keys (spec §2.2); <c>amoforms_settings</c> is handled apart because it is amoCRM-only.</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys =
        ["widget", "locations", "tour", "settings", "dp", "advanced", "salesbot_designer", "sms", "mobile", "left_menu"];

    /// <summary>Keys documented inside the <c>widget</c> block.</summary>
    public static readonly IReadOnlyList<string> WidgetKeys =
        ["name", "description", "short_description", "version", "interface_version", "init_once", "locale", "installation", "support", "code", "secret_key"];

    /// <summary>The keys every manifest needs inside <c>widget</c> (spec §2.2 ✅ rows).</summary>
    public static readonly IReadOnlyList<string> RequiredWidgetKeys =
        ["name", "description", "short_description", "interface_version", "locale", "installation"];

    /// <summary>Field types of <c>settings</c> (spec §2.3).</summary>
    public static readonly IReadOnlyList<string> SettingTypes = ["text", "pass", "users", "users_lp", "custom"];

    /// <summary>Field types of Salesbot handler settings (spec §2.5).</summary>
    public static readonly IReadOnlyList<string> SalesbotTypes = ["text", "numeric", "url"];

    /// <summary>Blocks that only do something with a location, and that location (spec §2.2).</summary>
    public static readonly IReadOnlyList<(string Block, string Area)> BlockLocations =
    [
        ("dp", "digital_pipeline"),
        ("advanced", "advanced_settings"),
        ("salesbot_designer", "salesbot_designer"),
        ("sms", "sms"),
        ("mobile", "mobile_card"),
        ("left_menu", "widget_page"),
        ("amoforms_settings", "amoforms"),
    ];

    /// <summary>The span of a property's name, carrying the value's JSON pointer.</summary>
    public static SourceSpan NameSpan(JProperty property) => property.NameSpan.WithPointer(property.Value.Pointer);

    /// <summary>A JSON pointer written the way users write manifest keys, e.g. <c>/widget/locale/0</c> → <c>widget.locale[0]</c>.</summary>
    public static string DisplayPath(JNode node)
    {
        if (node.Pointer.Length == 0) return "manifest";
        var parts = node.Pointer[1..].Split('/');
        var sb = new System.Text.StringBuilder();
        foreach (var raw in parts)
        {
            string part = raw.Replace("~1", "/").Replace("~0", "~");
            if (part.Length > 0 && part.All(char.IsAsciiDigit)) sb.Append('[').Append(part).Append(']');
            else
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append(part);
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether <c>widget.installation</c> asks for the settings form (true, or a string Kommo reads as true).</summary>
    public static bool IsInstallationOn(JNode? node) => node switch
    {
        JBoolean b => b.Value,
        JString s => s.Value.Trim() is "Y" or "y" or "true" or "1",
        JNumber n => n.Raw != "0",
        _ => false,
    };

    /// <summary>Whether the text is an absolute http(s) URL with a host.</summary>
    public static bool IsHttpUrl(string text, bool httpsOnly = false) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp))
        && uri.Host.Length > 0
        && text == text.Trim();

    /// <summary>Whether the text looks like one e-mail address (at most 254 characters, the SMTP limit).</summary>
    public static bool IsEmail(string text) => text.Length <= 254 && EmailPattern().IsMatch(text);

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    /// <summary>Joins values as <c>a, b, c</c>.</summary>
    public static string List(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>The closest candidate within a small edit distance (case-insensitive), or null.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string v = value.Trim().ToLowerInvariant();
        int limit = v.Length <= 4 ? 1 : v.Length <= 8 ? 2 : 3;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = EditDistance.LevenshteinIgnoreCase(v, c);
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>How many candidates are within the distance <see cref="Closest"/> accepts.</summary>
    public static int CloseCount(string value, IEnumerable<string> candidates)
    {
        string v = value.Trim().ToLowerInvariant();
        int limit = v.Length <= 4 ? 1 : v.Length <= 8 ? 2 : 3;
        int count = 0;
        foreach (var c in candidates)
            if (EditDistance.LevenshteinIgnoreCase(v, c) <= limit) count++;
        return count;
    }

    /// <summary>The <c>locations</c> array holding an entry, and the entry's index in it.</summary>
    public static (JArray Array, int Index) LocationItem(ManifestDocument manifest, LocationEntry entry)
    {
        if (manifest.Root?.GetArray("locations") is { } array)
            for (int i = 0; i < array.Items.Count; i++)
                if (ReferenceEquals(array.Items[i], entry.Node)) return (array, i);
        throw new InvalidOperationException("the location is not in the locations array");
    }

    /// <summary>A fix that writes another name for a location.</summary>
    public static Fix RenameLocation(ManifestDocument manifest, LocationEntry entry, string name, FixSafety safety) =>
        new($"Write \"{name}\"", safety, () =>
            [FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).Replace(entry.Node, new JsonValue.Text(name)))]);
}
