using System.Text;
using KommoWidgetKit.LanguageServer.Protocol;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Hover: on a finding, its rule's title and why (from the rule's page); on a manifest key, what it means and
/// which location it needs.</summary>
internal static class Hovers
{
    public static Hover? Hover(KommoLanguageServer server, string uri, Position position)
    {
        string? path = Params.PathOf(uri);
        if (path is null) return null;
        var snapshot = server.SnapshotFor(path, fresh: false);
        if (snapshot?.Relative(path) is not { } rel) return null;

        var sb = new StringBuilder();
        Protocol.Range? range = null;
        foreach (var d in snapshot.Result.Diagnostics)
        {
            if (Findings.FileOf(snapshot, d) != rel) continue;
            var lsp = Findings.ToLsp(snapshot, d);
            if (!TextPositions.Contains(lsp.Range, position)) continue;
            range ??= lsp.Range;
            if (sb.Length > 0) sb.Append("\n\n---\n\n");
            var rule = d.Descriptor;
            sb.Append($"**{rule.Id} {rule.Name}**: {rule.Title}\n\n");
            if (RuleDocs.WhyOf(rule.Id) is { } why) sb.Append(why).Append("\n\n");
            if (d.Fix is { } fix)
                sb.Append(fix.Safety == Fixing.FixSafety.Safe
                    ? $"Quick fix: {fix.Title} (`kommo-widget fix` applies it).\n\n"
                    : $"Quick fix: {fix.Title} (a guess: `kommo-widget fix --unsafe`).\n\n");
            sb.Append($"[{rule.Id} documentation]({rule.HelpUri})");
        }

        if (rel == Workspace.Manifest && server.Document(path)?.Text is { } text && ManifestKey(text, position) is { } key)
        {
            if (sb.Length > 0) sb.Append("\n\n---\n\n");
            sb.Append(key.Text);
            range ??= key.Range;
        }
        return sb.Length == 0 ? null : new Hover(new MarkupContent("markdown", sb.ToString())) { Range = range };
    }

    private static (string Text, Protocol.Range Range)? ManifestKey(string text, Position position)
    {
        int offset = TextPositions.Offset(text, position);
        var cursor = JsonCursor.At(text, offset);
        if (cursor is not { InKey: true, String: { } token }) return null;
        var schema = ManifestSchema.Instance;
        if (schema.At(cursor.Path) is not { } parent) return null;
        var key = schema.Keys(parent).FirstOrDefault(k => k.Name == token.Value);
        if (key is null) return null;
        var sb = new StringBuilder($"**{string.Join('.', cursor.Path.Where(p => p != "[]").Append(key.Name))}**");
        if (key.Deprecated) sb.Append(" (legacy)");
        if (key.Description is { } description) sb.Append("\n\n").Append(description);
        if (cursor.Path.Count == 0)
            foreach (var (block, area) in Validation.Rules.Manifest.ManifestFacts.BlockLocations)
                if (block == key.Name) sb.Append($"\n\nUsed only with the `{area}` location in `locations`.");
        var values = schema.Values(key.Schema);
        if (values.Count > 0) sb.Append("\n\nValues: ").Append(string.Join(", ", values.Select(v => $"`{v}`")));
        var range = new Protocol.Range(TextPositions.PositionOf(text, token.Start), TextPositions.PositionOf(text, token.End));
        return (sb.ToString(), range);
    }
}
