using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.LanguageServer.Protocol;
using KommoWidgetKit.Parsing;
using KommoWidgetKit.Parsing.Json;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Code actions: the fix a rule offers with a finding (the same one <c>kommo-widget fix</c> applies), and
/// "turn this rule off for this widget", which edits or creates kommo-widget.json. The editor applies the edit.</summary>
internal static class CodeActions
{
    public static IReadOnlyList<CodeAction> For(KommoLanguageServer server, string uri, Protocol.Range range)
    {
        string? path = Params.PathOf(uri);
        if (path is null) return [];
        // The edits must match the text the editor has now: validate the current text.
        var snapshot = server.SnapshotFor(path, fresh: true);
        if (snapshot?.Relative(path) is not { } rel) return [];
        var actions = new List<CodeAction>();
        var offOffered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in snapshot.Result.Diagnostics)
        {
            if (Findings.FileOf(snapshot, d) != rel) continue;
            var lsp = Findings.ToLsp(snapshot, d);
            if (!TextPositions.Touch(lsp.Range, range)) continue;
            if (d.Fix is { } fix && Edit(server, snapshot, fix) is { } edit)
                actions.Add(new CodeAction(fix.Safety == FixSafety.Safe ? fix.Title : fix.Title + " (unsafe: check it)", "quickfix")
                {
                    Diagnostics = [lsp],
                    IsPreferred = fix.Safety == FixSafety.Safe ? true : null,
                    Edit = edit,
                });
            if (offOffered.Add(d.Id) && TurnOff(server, snapshot, d.Descriptor) is { } off)
                actions.Add(new CodeAction($"Turn off {d.Id} ({d.Descriptor.Name}) for this widget", "quickfix") { Diagnostics = [lsp], Edit = off });
        }
        return actions;
    }

    /// <summary>The fix as a workspace edit, or null when an editor cannot express it (a byte order mark, line endings:
    /// the editor's own encoding and line-ending settings do that).</summary>
    private static WorkspaceEdit? Edit(KommoLanguageServer server, Snapshot snapshot, Fix fix)
    {
        IReadOnlyList<FileChange> changes;
        try
        {
            changes = fix.Changes;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        var documentChanges = new List<DocumentChange>();
        foreach (var change in changes)
        {
            string full = snapshot.FullPath(change.Path);
            string uri = server.UriOf(full);
            if (change.CreatesFile)
            {
                documentChanges.Add(new CreateFile(uri) { Options = new CreateFileOptions(IgnoreIfExists: false, Overwrite: false) });
                documentChanges.Add(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                    [new Protocol.TextEdit(new Protocol.Range(new Position(0, 0), new Position(0, 0)), change.NewContent!)]));
                continue;
            }
            var file = snapshot.Widget.GetFile(change.Path);
            if (file is null) return null;
            var bytes = file.Content.Span;
            int bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
            var lines = new LineIndex(file.Content);
            var edits = new List<Protocol.TextEdit>();
            foreach (var e in change.Edits)
            {
                if (e.Start < bom || bytes[e.Start..e.End].IndexOf((byte)'\r') >= 0 || e.NewText.Contains('\r')) return null;
                var (sl, sc) = lines.GetPosition(e.Start);
                var (el, ec) = lines.GetPosition(e.End);
                edits.Add(new Protocol.TextEdit(new Protocol.Range(new Position(sl - 1, sc - 1), new Position(el - 1, ec - 1)), e.NewText));
            }
            int? version = snapshot.Versions.TryGetValue(change.Path, out int v) ? v : null;
            documentChanges.Add(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), edits));
        }
        return documentChanges.Count == 0 ? null : new WorkspaceEdit(documentChanges);
    }

    /// <summary>An edit that sets the rule to "off" in the widget's kommo-widget.json (creating it when there is none).</summary>
    private static WorkspaceEdit? TurnOff(KommoLanguageServer server, Snapshot snapshot, DiagnosticDescriptor rule)
    {
        string full = snapshot.FullPath(WidgetConfig.FileName);
        string uri = server.UriOf(full);
        var file = snapshot.Widget.GetFile(WidgetConfig.FileName);
        if (file is null)
        {
            string text = $"{{\n  \"rules\": {{\n    {JsonEdits.Quote(rule.Id)}: \"off\"\n  }}\n}}\n";
            return new WorkspaceEdit(
            [
                new CreateFile(uri) { Options = new CreateFileOptions(IgnoreIfExists: false, Overwrite: false) },
                new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null), [new Protocol.TextEdit(new Protocol.Range(new Position(0, 0), new Position(0, 0)), text)]),
            ]);
        }
        var parsed = JsonParser.Parse(file.Path, file.Content);
        if (parsed.HasFatalIssue || parsed.Root is not JObject root) return null;
        var edits = new JsonEdits(file.Content, parsed);
        Fixing.TextEdit edit;
        var off = new JsonValue.Text("off");
        if (root["rules"] is JObject rules)
        {
            var existing = rules.DistinctProperties.FirstOrDefault(p => RuleCatalog.Find(p.Name)?.Descriptor.Id == rule.Id);
            edit = existing is not null ? edits.Replace(existing.Value, off) : edits.AddProperty(rules, rule.Id, off);
        }
        else if (root["rules"] is null)
            edit = edits.AddProperty(root, "rules", new JsonValue.Object([new(rule.Id, off)]));
        else return null;
        var lines = new LineIndex(file.Content);
        var (sl, sc) = lines.GetPosition(edit.Start);
        var (el, ec) = lines.GetPosition(edit.End);
        int? version = snapshot.Versions.TryGetValue(WidgetConfig.FileName, out int v) ? v : null;
        return new WorkspaceEdit(
        [
            new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version),
                [new Protocol.TextEdit(new Protocol.Range(new Position(sl - 1, sc - 1), new Position(el - 1, ec - 1)), edit.NewText)]),
        ]);
    }
}
