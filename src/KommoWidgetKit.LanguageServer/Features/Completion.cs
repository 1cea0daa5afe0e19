using System.Text.RegularExpressions;
using KommoWidgetKit.LanguageServer.Protocol;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Completion: manifest keys and values by position, location names, setting types, locale codes and i18n keys
/// in the manifest; i18n keys in <c>self.i18n('…')</c> in scripts and in <c>{{ lang.… }}</c> / <c>'…'|i18n</c> in Twig.</summary>
internal static partial class Completion
{
    private static readonly CompletionList Empty = new(false, []);

    public static CompletionList Complete(KommoLanguageServer server, string uri, Position position)
    {
        string? path = Params.PathOf(uri);
        if (path is null) return Empty;
        var doc = server.Document(path);
        if (doc is null) return Empty;
        var snapshot = server.SnapshotFor(path, fresh: false) ?? server.SnapshotFor(path, fresh: true);
        if (snapshot?.Relative(path) is not { } rel) return Empty;
        int offset = TextPositions.Offset(doc.Text, position);
        if (rel == Workspace.Manifest) return Manifest(snapshot, doc.Text, offset);
        if (rel.EndsWith(".js", StringComparison.OrdinalIgnoreCase)) return Script(snapshot, doc.Text, offset);
        if (rel.EndsWith(".twig", StringComparison.OrdinalIgnoreCase)) return Twig(snapshot, doc.Text, offset);
        return Empty;
    }

    // --- manifest.json

    private static CompletionList Manifest(Snapshot snapshot, string text, int offset)
    {
        var cursor = JsonCursor.At(text, offset);
        if (cursor is null) return Empty;
        var schema = ManifestSchema.Instance;
        var items = new List<CompletionItem>();
        // Replace the string the cursor is in (quotes included), or insert at the cursor.
        var (replaceStart, replaceEnd) = cursor.String is { } s ? (s.Start, s.End) : (offset, offset);
        var range = new Protocol.Range(TextPositions.PositionOf(text, replaceStart), TextPositions.PositionOf(text, replaceEnd));

        if (cursor.InKey)
        {
            if (schema.At(cursor.Path) is not { } node) return Empty;
            foreach (var key in schema.Keys(node))
            {
                if (cursor.SiblingKeys.Contains(key.Name) && cursor.String?.Value != key.Name) continue;
                string insert = JsonQuote(key.Name);
                // Outside quotes, write the whole member start.
                if (cursor.String is null) insert += ": ";
                items.Add(new CompletionItem(key.Name)
                {
                    Kind = Lsp.CompletionProperty,
                    Detail = NeedsLocation(cursor.Path, key.Name),
                    Documentation = key.Description is null ? null : new MarkupContent("markdown", key.Description),
                    TextEdit = new Protocol.TextEdit(range, insert),
                    FilterText = insert,
                    Deprecated = key.Deprecated ? true : null,
                    SortText = (key.Deprecated ? "1" : "0") + key.Name,
                });
            }
            return new CompletionList(false, items);
        }

        var path = cursor.Path;
        IEnumerable<(string Label, string? Detail, int Kind)> values = [];
        if (path is ["locations", "[]"])
            values = LocationNames(snapshot);
        else if (path is ["widget", "locale", "[]"])
            values = LocaleCodes(snapshot);
        else if (schema.At(path) is { } node)
        {
            if (ManifestSchema.IsI18nText(node))
                values = I18nKeys(snapshot).Select(k => (k.Key, (string?)k.Text, Lsp.CompletionValue));
            else
                values = schema.Values(node).Select(v => (v, schema.Description(node), Lsp.CompletionEnum));
        }
        foreach (var (label, detail, kind) in values)
        {
            // Values from the schema come as JSON text; names are plain and get quotes.
            bool isJson = label.StartsWith('"') || label is "true" or "false" or "null" || char.IsAsciiDigit(label[0]) || label[0] == '-';
            string insert = isJson ? label : JsonQuote(label);
            string shown = isJson && label.StartsWith('"') ? label.Trim('"') : label;
            items.Add(new CompletionItem(shown)
            {
                Kind = kind,
                Detail = detail,
                TextEdit = new Protocol.TextEdit(range, insert),
                FilterText = insert,
            });
        }
        return new CompletionList(false, items);
    }

    private static string JsonQuote(string s) => Fixing.JsonEdits.Quote(s);

    private static IEnumerable<(string, string?, int)> LocationNames(Snapshot snapshot)
    {
        var platform = snapshot.Result.Platform == WidgetPlatform.AmoCrm ? KommoWidgetKit.Diagnostics.PlatformScope.AmoCrm : KommoWidgetKit.Diagnostics.PlatformScope.Kommo;
        foreach (var info in LocationCatalog.All)
        {
            if ((info.Platforms & platform) == 0) continue;
            if (info.Suffix == SuffixRule.Required)
            {
                yield return ($"{info.Area}-1", $"{info.Title}: a block in the right panel", Lsp.CompletionEnum);
                yield return ($"{info.Area}-0", $"{info.Title}: the script only, no block", Lsp.CompletionEnum);
            }
            else yield return (info.Area, info.Title, Lsp.CompletionEnum);
        }
    }

    private static IEnumerable<(string, string?, int)> LocaleCodes(Snapshot snapshot)
    {
        foreach (var code in Locales.For(snapshot.Result.Platform))
            yield return (code, snapshot.Widget.GetI18n(code) is null ? $"no i18n/{code}.json yet" : $"i18n/{code}.json", Lsp.CompletionConstant);
    }

    /// <summary>Every text key of the widget's locale files (the first declared locale first), with its text there.</summary>
    internal static IReadOnlyList<(string Key, string? Text)> I18nKeys(Snapshot snapshot)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<I18nDocument>();
        foreach (var locale in snapshot.Widget.Manifest?.Locales ?? [])
            if (snapshot.Widget.GetI18n(locale) is { } d && !order.Contains(d)) order.Add(d);
        foreach (var d in snapshot.Widget.I18n) if (!order.Contains(d)) order.Add(d);
        foreach (var d in order)
            foreach (var (key, node) in d.Leaves())
                if (!seen.ContainsKey(key)) seen[key] = (node as Parsing.Json.JString)?.Value;
        return [.. seen.Select(p => (p.Key, p.Value))];
    }

    /// <summary>Which location a top-level block needs, for the completion's detail.</summary>
    private static string? NeedsLocation(IReadOnlyList<string> path, string key)
    {
        if (path.Count != 0) return null;
        foreach (var (block, area) in Validation.Rules.Manifest.ManifestFacts.BlockLocations)
            if (block == key) return $"needs the {area} location";
        return null;
    }

    // --- scripts and templates

    [GeneratedRegex(@"i18n\(\s*(['""])([\w.\-]*)$")]
    private static partial Regex ScriptKeyBefore();

    [GeneratedRegex(@"\blang\.([\w.]*)$")]
    private static partial Regex TwigLangBefore();

    [GeneratedRegex(@"(['""])([\w.\-]*)$")]
    private static partial Regex QuotedBefore();

    [GeneratedRegex(@"^[\w.\-]*['""]\s*\|\s*i18n\b")]
    private static partial Regex I18nFilterAfter();

    private static (string Before, string After, int LineStart) Line(string text, int offset)
    {
        int start = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) start = 0;
        int end = text.IndexOf('\n', offset);
        if (end < 0) end = text.Length;
        return (text[start..offset], text[offset..end], start);
    }

    private static CompletionList Script(Snapshot snapshot, string text, int offset)
    {
        var (before, _, _) = Line(text, offset);
        var m = ScriptKeyBefore().Match(before);
        return m.Success ? Keys(snapshot, text, offset, m.Groups[2].Value.Length) : Empty;
    }

    private static CompletionList Twig(Snapshot snapshot, string text, int offset)
    {
        var (before, after, _) = Line(text, offset);
        var lang = TwigLangBefore().Match(before);
        if (lang.Success) return Keys(snapshot, text, offset, lang.Groups[1].Value.Length);
        var quoted = QuotedBefore().Match(before);
        if (quoted.Success && I18nFilterAfter().IsMatch(after)) return Keys(snapshot, text, offset, quoted.Groups[2].Value.Length);
        var call = ScriptKeyBefore().Match(before);
        return call.Success ? Keys(snapshot, text, offset, call.Groups[2].Value.Length) : Empty;
    }

    private static CompletionList Keys(Snapshot snapshot, string text, int offset, int typed)
    {
        var range = new Protocol.Range(TextPositions.PositionOf(text, offset - typed), TextPositions.PositionOf(text, offset));
        var items = I18nKeys(snapshot).Select(k => new CompletionItem(k.Key)
        {
            Kind = Lsp.CompletionText,
            Detail = k.Text,
            TextEdit = new Protocol.TextEdit(range, k.Key),
        }).ToList();
        return new CompletionList(false, items);
    }
}
