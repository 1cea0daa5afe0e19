using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.LanguageServer.Protocol;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>Findings as LSP diagnostics, on the file they concern.</summary>
internal static class Findings
{
    /// <summary>The widget file a finding is shown on: its own file when the widget has it (or the editor has it open),
    /// else manifest.json (a missing logo, the archive as a whole).</summary>
    public static string FileOf(Snapshot snapshot, Diagnostic d)
    {
        string path = d.Span.Path;
        if (path.Length > 0 && (snapshot.Widget.HasFile(path) || snapshot.Documents.ContainsKey(path))) return path;
        return Workspace.Manifest;
    }

    public static LspDiagnostic ToLsp(Snapshot snapshot, Diagnostic d)
    {
        bool own = FileOf(snapshot, d) == d.Span.Path;
        var range = own ? TextPositions.RangeOf(d.Span) : new Protocol.Range(new Position(0, 0), new Position(0, 0));
        int severity = d.Severity switch
        {
            Severity.Error => Lsp.SeverityError,
            Severity.Warning => Lsp.SeverityWarning,
            _ => Lsp.SeverityInformation,
        };
        // Shown on manifest.json for a file that is not there: say which file.
        string message = own || d.Span.Path.Length == 0 || d.Message.Contains(d.Span.Path, StringComparison.Ordinal) ? d.Message : $"{d.Span.Path}: {d.Message}";
        return new LspDiagnostic(range, severity, d.Id, "kommo-widget", message)
        {
            CodeDescription = new CodeDescription(d.Descriptor.HelpUri),
            Tags = d.Id == Validation.RuleIds.LegacyCodeSecret ? [Lsp.TagDeprecated] : null,
        };
    }

    /// <summary>Publishes every file's findings, and empty lists for files that had some before and have none now.</summary>
    public static void Publish(KommoLanguageServer server, Snapshot snapshot)
    {
        var byFile = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
        foreach (var d in snapshot.Result.Diagnostics)
        {
            string file = FileOf(snapshot, d);
            if (!byFile.TryGetValue(file, out var list)) byFile[file] = list = [];
            list.Add(ToLsp(snapshot, d));
        }
        var state = snapshot.State;
        lock (state.Gate)
        {
            // Only the newest validation publishes: an older one finishing late would show stale findings.
            if (!ReferenceEquals(state.Last, snapshot)) return;
            var now = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (file, list) in byFile)
            {
                string uri = server.UriOf(snapshot.FullPath(file));
                now.Add(uri);
                int? version = snapshot.Versions.TryGetValue(file, out int v) ? v : null;
                server.Publish(new PublishDiagnosticsParams(uri, list) { Version = version });
            }
            foreach (var uri in state.PublishedUris)
            {
                if (now.Contains(uri)) continue;
                // An open document's empty list carries the version it is about, like any other.
                int? version = null;
                foreach (var (rel, doc) in snapshot.Documents)
                    if (doc.Uri == uri && snapshot.Versions.TryGetValue(rel, out int v)) version = v;
                server.Publish(new PublishDiagnosticsParams(uri, []) { Version = version });
            }
            state.PublishedUris.Clear();
            state.PublishedUris.UnionWith(now);
        }
    }
}
