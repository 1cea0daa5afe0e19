using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KommoWidgetKit.LanguageServer.Features;
using KommoWidgetKit.LanguageServer.Protocol;
using KommoWidgetKit.LanguageServer.Rpc;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.LanguageServer;

/// <summary>The language server: JSON-RPC over a pair of streams (stdio for <c>kommo-widget lsp</c>), the open documents,
/// the widgets they belong to, and validation in the background, debounced per widget.</summary>
/// <remarks>Requests are answered on the reading thread from the latest state; validation runs on the thread pool and
/// publishes when done, so a slow widget never holds a request up. The server writes no file: fixes go to the editor as
/// workspace edits, which the editor applies when the user picks them.</remarks>
public sealed class KommoLanguageServer
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly TextWriter _log;
    private readonly string _version;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal); // by full path
    private readonly Dictionary<string, WidgetState> _widgets = new(StringComparer.Ordinal);      // by root
    private readonly HashSet<string> _workspaceFolders = new(StringComparer.Ordinal);
    private bool _initialized;
    private bool _shutdown;

    /// <summary>How long after the last change a widget is validated.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>A server reading <paramref name="input"/> and writing <paramref name="output"/>; <paramref name="log"/> gets
    /// one line per problem (stderr for <c>kommo-widget lsp</c>, which editors show in the server's output).</summary>
    public KommoLanguageServer(Stream input, Stream output, TextWriter log, string version)
    {
        _reader = new MessageReader(input);
        _writer = new MessageWriter(output);
        _log = log;
        _version = version;
    }

    /// <summary>Serves until <c>exit</c> or the end of input; 0 after <c>shutdown</c> then <c>exit</c>, else 1.</summary>
    public int Run()
    {
        while (true)
        {
            ReadResult? message;
            try
            {
                message = _reader.Read();
            }
            catch (IOException ex)
            {
                Log($"input closed: {ex.Message}");
                return _shutdown ? 0 : 1;
            }
            if (message is null) return _shutdown ? 0 : 1;
            if (message.FramingProblem is { } problem)
            {
                Log(problem);
                WriteError(null, Lsp.InvalidRequest, problem);
                continue;
            }
            if (Handle(message.Body!) is { } exitCode) return exitCode;
        }
    }

    private int? Handle(byte[] body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            WriteError(null, Lsp.ParseError, "the message is not JSON: " + ex.Message);
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                WriteError(null, Lsp.InvalidRequest, "a message must be a JSON object");
                return null;
            }
            JsonElement? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String ? idElement.Clone() : null;
            if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                // A response to a request of ours (we send none that need answers) or junk.
                if (id is not null && !root.TryGetProperty("result", out _) && !root.TryGetProperty("error", out _))
                    WriteError(id, Lsp.InvalidRequest, "the message has no method");
                return null;
            }
            string method = methodElement.GetString()!;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            try
            {
                return Dispatch(method, id, parameters);
            }
            catch (ParamsException ex)
            {
                if (id is not null) WriteError(id, Lsp.InvalidParams, ex.Message);
                else Log($"{method}: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log($"{method} failed: {ex.GetType().Name}: {ex.Message}");
                if (id is not null) WriteError(id, Lsp.InternalError, $"{method} failed: {ex.Message}");
            }
            return null;
        }
    }

    private int? Dispatch(string method, JsonElement? id, JsonElement p)
    {
        if (method == "exit") return _shutdown ? 0 : 1;
        if (!_initialized && method != "initialize")
        {
            if (id is not null) WriteError(id, Lsp.ServerNotInitialized, "the server is not initialized yet");
            return null;
        }
        switch (method)
        {
            case "initialize":
                Initialize(p);
                _initialized = true;
                WriteResult(id, Capabilities(), LspJson.Default.InitializeResult);
                return null;
            case "initialized":
                foreach (var folder in SnapshotFolders())
                    foreach (var root in Workspace.Discover(folder)) Schedule(root, immediately: true);
                return null;
            case "shutdown":
                _shutdown = true;
                WriteNull(id);
                return null;
            case "textDocument/didOpen": DidOpen(p); return null;
            case "textDocument/didChange": DidChange(p); return null;
            case "textDocument/didSave": DidSave(p); return null;
            case "textDocument/didClose": DidClose(p); return null;
            case "workspace/didChangeWatchedFiles": DidChangeWatchedFiles(p); return null;
            case "workspace/didChangeWorkspaceFolders": DidChangeWorkspaceFolders(p); return null;
            case "textDocument/completion":
                WriteResult(id, Completion.Complete(this, Params.Uri(p), Params.Position(p)), LspJson.Default.CompletionList);
                return null;
            case "textDocument/hover":
                var hover = Hovers.Hover(this, Params.Uri(p), Params.Position(p));
                if (hover is null) WriteNull(id); else WriteResult(id, hover, LspJson.Default.Hover);
                return null;
            case "textDocument/definition":
                WriteResult(id, Definitions.Find(this, Params.Uri(p), Params.Position(p)), LspJson.Default.IReadOnlyListLocation);
                return null;
            case "textDocument/codeAction":
                WriteResult(id, CodeActions.For(this, Params.Uri(p), Params.Range(p)), LspJson.Default.IReadOnlyListCodeAction);
                return null;
            default:
                // Unknown notifications ($/cancelRequest, $/setTrace …) are ignored, as the protocol allows.
                if (id is not null) WriteError(id, Lsp.MethodNotFound, $"method '{method}' is not supported");
                return null;
        }
    }

    private InitializeResult Capabilities() => new(
        new ServerCapabilities(
            PositionEncoding: "utf-16",
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: Lsp.SyncIncremental, Save: new SaveOptions(false)),
            CompletionProvider: new CompletionOptions(["\"", ".", "'", "-"], false),
            HoverProvider: true,
            DefinitionProvider: true,
            CodeActionProvider: new CodeActionOptions(["quickfix"]),
            Workspace: new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(true, true))),
        new ServerInfo("kommo-widget", _version));

    private void Initialize(JsonElement p)
    {
        lock (_gate)
        {
            if (p.ValueKind != JsonValueKind.Object) return;
            if (p.TryGetProperty("workspaceFolders", out var folders) && folders.ValueKind == JsonValueKind.Array)
                foreach (var f in folders.EnumerateArray())
                    if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String && Params.PathOf(u.GetString()) is { } path) _workspaceFolders.Add(path);
            if (_workspaceFolders.Count == 0 && p.TryGetProperty("rootUri", out var rootUri) && rootUri.ValueKind == JsonValueKind.String && Params.PathOf(rootUri.GetString()) is { } rootPath)
                _workspaceFolders.Add(rootPath);
        }
    }

    private List<string> SnapshotFolders()
    {
        lock (_gate) return [.. _workspaceFolders];
    }

    // --- documents

    private void DidOpen(JsonElement p)
    {
        var item = Params.Required(p, "textDocument");
        string uri = Params.String(item, "uri");
        string? path = Params.PathOf(uri);
        if (path is null) return; // not a file: nothing of a widget
        string text = Params.String(item, "text");
        int version = item.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : 0;
        lock (_gate) _documents[path] = new OpenDocument(uri, path, version, text);
        Changed(path);
    }

    private void DidChange(JsonElement p)
    {
        var item = Params.Required(p, "textDocument");
        string? path = Params.PathOf(Params.String(item, "uri"));
        if (path is null) return;
        int version = item.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : 0;
        var changes = Params.Required(p, "contentChanges");
        if (changes.ValueKind != JsonValueKind.Array) throw new ParamsException("contentChanges must be an array");
        lock (_gate)
        {
            if (!_documents.TryGetValue(path, out var doc)) return; // changes of a document never opened are ignored
            string text = doc.Text;
            foreach (var change in changes.EnumerateArray())
            {
                string newText = Params.String(change, "text");
                if (change.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.Object)
                {
                    var range = Params.RangeOf(r);
                    int start = TextPositions.Offset(text, range.Start);
                    int end = Math.Max(start, TextPositions.Offset(text, range.End));
                    text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
                }
                else text = newText;
            }
            doc.Text = text;
            doc.Version = version;
        }
        Changed(path);
    }

    private void DidSave(JsonElement p)
    {
        string? path = Params.PathOf(Params.String(Params.Required(p, "textDocument"), "uri"));
        if (path is not null) Changed(path, onDisk: true);
    }

    private void DidClose(JsonElement p)
    {
        string? path = Params.PathOf(Params.String(Params.Required(p, "textDocument"), "uri"));
        if (path is null) return;
        lock (_gate) _documents.Remove(path);
        // The file on disk is what counts again.
        Changed(path, onDisk: true);
    }

    private void DidChangeWatchedFiles(JsonElement p)
    {
        var changes = Params.Required(p, "changes");
        if (changes.ValueKind != JsonValueKind.Array) throw new ParamsException("changes must be an array");
        foreach (var change in changes.EnumerateArray())
            if (Params.PathOf(Params.String(change, "uri")) is { } path) Changed(path, onDisk: true);
    }

    private void DidChangeWorkspaceFolders(JsonElement p)
    {
        var e = Params.Required(p, "event");
        var added = new List<string>();
        lock (_gate)
        {
            foreach (var f in Params.Array(e, "removed"))
                if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String && Params.PathOf(u.GetString()) is { } path) _workspaceFolders.Remove(path);
            foreach (var f in Params.Array(e, "added"))
                if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String && Params.PathOf(u.GetString()) is { } path && _workspaceFolders.Add(path)) added.Add(path);
        }
        // Widgets no longer in any folder lose their findings.
        List<WidgetState> gone;
        lock (_gate)
            gone = _widgets.Values.Where(w => !_workspaceFolders.Any(f => Workspace.RelativeTo(f, w.Root) is not null || f == w.Root)
                && !_documents.Keys.Any(d => Workspace.RelativeTo(w.Root, d) is not null)).ToList();
        foreach (var w in gone) Forget(w);
        foreach (var folder in added)
            foreach (var root in Workspace.Discover(folder)) Schedule(root, immediately: true);
    }

    private void Forget(WidgetState state)
    {
        lock (_gate) _widgets.Remove(state.Root);
        lock (state.TimerGate) state.Pending?.Dispose();
        lock (state.Gate)
        {
            foreach (var uri in state.PublishedUris) Publish(new PublishDiagnosticsParams(uri, []));
            state.PublishedUris.Clear();
        }
    }

    /// <summary>A file changed (in the editor, or on disk): validate the widget it belongs to, soon.</summary>
    private void Changed(string path, bool onDisk = false)
    {
        string? root;
        lock (_gate) root = Workspace.FindRoot(path, p => _documents.ContainsKey(p));
        // A change to a manifest.json can also end a widget (deleted) or start one: the folder itself is the root then.
        if (System.IO.Path.GetFileName(path) == Workspace.Manifest && !Workspace.InNoWidgetFolder(path)) root = System.IO.Path.GetDirectoryName(path);
        if (root is null) return;
        var state = StateOf(root);
        if (onDisk) state.DiskDirty = true;
        Schedule(root);
    }

    private WidgetState StateOf(string root)
    {
        lock (_gate)
        {
            if (!_widgets.TryGetValue(root, out var state)) _widgets[root] = state = new WidgetState(root);
            return state;
        }
    }

    private void Schedule(string root, bool immediately = false)
    {
        var state = StateOf(root);
        lock (state.TimerGate)
        {
            state.Pending ??= new Timer(_ => ValidateAndPublish(state));
            state.Pending.Change(immediately ? TimeSpan.Zero : Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void ValidateAndPublish(WidgetState state)
    {
        try
        {
            var snapshot = Validate(state);
            if (snapshot is null) return;
            Findings.Publish(this, snapshot);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log($"validating {state.Root} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Validates a widget now, from disk with the open documents over it; null when it is no widget (any more).</summary>
    internal Snapshot? Validate(WidgetState state)
    {
        lock (state.Gate)
        {
            bool manifestOpen;
            Dictionary<string, OpenDocument> docs;
            lock (_gate)
            {
                docs = new Dictionary<string, OpenDocument>(StringComparer.Ordinal);
                foreach (var (path, doc) in _documents)
                    if (Workspace.RelativeTo(state.Root, path) is { } rel && Workspace.FindRoot(path, p => _documents.ContainsKey(p)) == state.Root)
                        docs[rel] = new OpenDocument(doc.Uri, doc.Path, doc.Version, doc.Text);
                manifestOpen = docs.ContainsKey(Workspace.Manifest);
            }
            if (!manifestOpen && !File.Exists(System.IO.Path.Combine(state.Root, Workspace.Manifest)))
            {
                // The manifest is gone: this is no widget; clear what it showed.
                foreach (var uri in state.PublishedUris) Publish(new PublishDiagnosticsParams(uri, []));
                state.PublishedUris.Clear();
                state.Last = null;
                return null;
            }
            if (state.DiskDirty || state.Disk is null)
            {
                // Cleared first: a change on disk while loading marks it again, and its own validation follows.
                state.DiskDirty = false;
                state.Disk = Loading.WidgetLoader.Load(state.Root);
            }
            var disk = state.Disk;
            var overlay = new List<KeyValuePair<string, ReadOnlyMemory<byte>?>>();
            var versions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (rel, doc) in docs)
            {
                // What the loader leaves out (node_modules/, .git/ …) stays out when it is open too; so do documents too big.
                if (disk.SkippedFolders.Any(f => rel.StartsWith(f, StringComparison.Ordinal))) continue;
                if (doc.Text.Length > Workspace.MaxDocumentChars)
                {
                    Log($"{rel}: {doc.Text.Length:N0} characters is over the limit of {Workspace.MaxDocumentChars:N0}; not checked");
                    continue;
                }
                overlay.Add(new(rel, Workspace.Bytes(doc, disk, rel)));
                versions[rel] = doc.Version;
            }
            var widget = disk.WithFiles(overlay);
            var result = WidgetValidator.Validate(widget);
            var snapshot = new Snapshot(state, widget, result, docs, versions);
            state.Last = snapshot;
            return snapshot;
        }
    }

    /// <summary>The open document at a path, or null.</summary>
    internal OpenDocument? Document(string path)
    {
        lock (_gate) return _documents.TryGetValue(path, out var d) ? new OpenDocument(d.Uri, d.Path, d.Version, d.Text) : null;
    }

    /// <summary>The widget a file belongs to, validated now (requests that need the current text: completion, code actions).</summary>
    internal Snapshot? SnapshotFor(string path, bool fresh)
    {
        string? root;
        lock (_gate) root = Workspace.FindRoot(path, p => _documents.ContainsKey(p));
        if (root is null) return null;
        var state = StateOf(root);
        if (!fresh && state.Last is { } last) return last;
        return Validate(state);
    }

    /// <summary>The URI to show a widget file under: the one the editor opened it with, else a file URI of its path.</summary>
    internal string UriOf(string fullPath)
    {
        lock (_gate)
            if (_documents.TryGetValue(fullPath, out var doc)) return doc.Uri;
        return new Uri(fullPath).AbsoluteUri;
    }

    internal void Publish(PublishDiagnosticsParams p) => WriteNotification("textDocument/publishDiagnostics", p, LspJson.Default.PublishDiagnosticsParams);

    internal void Log(string message)
    {
        lock (_log) _log.WriteLine("kommo-widget lsp: " + message);
    }

    // --- writing

    private void WriteResult<T>(JsonElement? id, T result, JsonTypeInfo<T> type) => Write(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        WriteId(w, id);
        w.WritePropertyName("result");
        JsonSerializer.Serialize(w, result, type);
    });

    private void WriteNull(JsonElement? id) => Write(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        WriteId(w, id);
        w.WriteNull("result");
    });

    private void WriteError(JsonElement? id, int code, string message) => Write(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        WriteId(w, id);
        w.WritePropertyName("error");
        JsonSerializer.Serialize(w, new ResponseError(code, message), LspJson.Default.ResponseError);
    });

    private void WriteNotification<T>(string method, T p, JsonTypeInfo<T> type) => Write(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", method);
        w.WritePropertyName("params");
        JsonSerializer.Serialize(w, p, type);
    });

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } value) value.WriteTo(w);
        else w.WriteNullValue();
    }

    private void Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        try
        {
            _writer.Write(buffer.WrittenSpan);
        }
        catch (IOException ex)
        {
            Log($"output closed: {ex.Message}");
        }
    }
}

/// <summary>A request's parameters do not have the shape the protocol gives them.</summary>
internal sealed class ParamsException(string message) : Exception(message);

/// <summary>Reading request parameters, with a clear message when they are not as the protocol says.</summary>
internal static class Params
{
    public static JsonElement Required(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) ? v : throw new ParamsException($"'{name}' is missing");

    public static string String(JsonElement p, string name) =>
        Required(p, name) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new ParamsException($"'{name}' must be a string");

    public static int Int(JsonElement p, string name) =>
        Required(p, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out int n) ? n : throw new ParamsException($"'{name}' must be a whole number");

    public static IEnumerable<JsonElement> Array(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static string Uri(JsonElement p) => String(Required(p, "textDocument"), "uri");

    public static Position Position(JsonElement p) => PositionOf(Required(p, "position"));

    public static Protocol.Range Range(JsonElement p) => RangeOf(Required(p, "range"));

    public static Position PositionOf(JsonElement e) => new(Math.Max(0, Int(e, "line")), Math.Max(0, Int(e, "character")));

    public static Protocol.Range RangeOf(JsonElement e) => new(PositionOf(Required(e, "start")), PositionOf(Required(e, "end")));

    /// <summary>The local path of a <c>file:</c> URI; null for other schemes or a URI that does not parse.</summary>
    public static string? PathOf(string? uri)
    {
        if (uri is null || !System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        return System.IO.Path.GetFullPath(parsed.LocalPath);
    }
}
