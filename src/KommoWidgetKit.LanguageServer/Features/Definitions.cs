using System.Text.RegularExpressions;
using KommoWidgetKit.LanguageServer.Protocol;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Go to definition: from an i18n key (a manifest text, <c>i18n('…')</c> in a script, <c>lang.…</c> or
/// <c>'…'|i18n</c> in Twig) to its entry in each locale file.</summary>
internal static partial class Definitions
{
    public static IReadOnlyList<Location> Find(KommoLanguageServer server, string uri, Position position)
    {
        string? path = Params.PathOf(uri);
        if (path is null) return [];
        var doc = server.Document(path);
        var snapshot = server.SnapshotFor(path, fresh: false);
        if (doc is null || snapshot?.Relative(path) is not { } rel) return [];
        int offset = TextPositions.Offset(doc.Text, position);
        string? key = rel switch
        {
            Workspace.Manifest => JsonCursor.At(doc.Text, offset) is { InKey: false, String: { } s } ? s.Value : null,
            _ when rel.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || rel.EndsWith(".twig", StringComparison.OrdinalIgnoreCase) => KeyAt(doc.Text, offset),
            _ => null,
        };
        if (string.IsNullOrEmpty(key)) return [];
        var locations = new List<Location>();
        foreach (var i18n in snapshot.Widget.I18n)
        {
            if (i18n.Resolve(key) is not { } node) continue;
            string file = snapshot.FullPath(i18n.File.Path);
            // The place in the file as the editor shows it (the text the snapshot validated).
            locations.Add(new Location(server.UriOf(file), TextPositions.RangeOf(node.Span)));
        }
        return locations;
    }

    [GeneratedRegex(@"(?:i18n\(\s*(['""])(?<key>[\w.\-]+)\1)|(?:\blang\.(?<key>[\w.]+))|(?:(['""])(?<key>[\w.\-]+)\2\s*\|\s*i18n\b)")]
    private static partial Regex KeyUse();

    private static string? KeyAt(string text, int offset)
    {
        int start = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        int end = text.IndexOf('\n', offset);
        if (end < 0) end = text.Length;
        string line = text[start..end];
        int col = offset - start;
        foreach (Match m in KeyUse().Matches(line))
        {
            var g = m.Groups["key"];
            if (col >= m.Index && col <= m.Index + m.Length) return g.Value;
        }
        return null;
    }
}
