using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.LanguageServer;

/// <summary>A test client for the real <c>kommo-widget lsp</c> process: LSP framing over its stdin/stdout, requests with
/// answers, and the notifications it sent.</summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _in;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<JsonElement> _notifications = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private int _nextId;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public LspClient()
    {
        // The built CLI beside the tests (dotnet kommo-widget.dll), or another build named by KOMMO_WIDGET_LSP_EXE
        // (bench/lsp-latency.py and install-test.sh use the native binary).
        string? exe = Environment.GetEnvironmentVariable("KOMMO_WIDGET_LSP_EXE");
        var info = string.IsNullOrEmpty(exe) ? new ProcessStartInfo(CliProcess.DotnetHost()) : new ProcessStartInfo(exe);
        if (string.IsNullOrEmpty(exe)) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll"));
        info.ArgumentList.Add("lsp");
        info.ArgumentList.Add("--stdio");
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        _process = Process.Start(info)!;
        _in = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoop);
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public Process Process => _process;

    private void ReadLoop()
    {
        var stream = _process.StandardOutput.BaseStream;
        while (true)
        {
            int length = -1;
            while (true)
            {
                string? line = ReadLine(stream);
                if (line is null) { FailAll(); return; }
                if (line.Length == 0) break;
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
            }
            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(body, read, length - read);
                if (n == 0) { FailAll(); return; }
                read += n;
            }
            var message = JsonDocument.Parse(body).RootElement.Clone();
            if (message.TryGetProperty("method", out _))
            {
                lock (_notifications) { _notifications.Add(message); Monitor.PulseAll(_notifications); }
            }
            else if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt32(), out var tcs))
                tcs.TrySetResult(message);
            else
                lock (_notifications) { _notifications.Add(message); Monitor.PulseAll(_notifications); } // an error without id
        }
    }

    private void FailAll()
    {
        foreach (var (_, tcs) in _pending) tcs.TrySetException(new IOException("the server closed its output\n" + Stderr));
        lock (_notifications) Monitor.PulseAll(_notifications);
    }

    private static string? ReadLine(Stream s)
    {
        var sb = new StringBuilder();
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) return sb.Length == 0 ? null : sb.ToString();
            if (b == '\n') return sb.ToString().TrimEnd('\r');
            sb.Append((char)b);
        }
    }

    public void WriteRaw(byte[] bytes)
    {
        lock (_in)
        {
            _in.Write(bytes);
            _in.Flush();
        }
    }

    public void Send(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        WriteRaw([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    public void Notify(string method, JsonNode? parameters) => Send(new JsonObject { ["method"] = method, ["params"] = parameters });

    /// <summary>Sends a request and returns the whole response (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters)
    {
        int id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        Send(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await tcs.Task.WaitAsync(Timeout);
    }

    public async Task<JsonElement> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        Assert.True(response.TryGetProperty("result", out var result), $"{method}: {response}\n{Stderr}");
        return result;
    }

    /// <summary>Waits for a notification matching <paramref name="match"/> among those received from <paramref name="from"/> on.</summary>
    public JsonElement WaitFor(Func<JsonElement, bool> match, int from = 0, string? what = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        lock (_notifications)
        {
            while (true)
            {
                for (int i = from; i < _notifications.Count; i++)
                    if (match(_notifications[i])) return _notifications[i];
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _process.HasExited && _reader.IsCompleted)
                    throw new TimeoutException($"no notification {what} came; got:\n{string.Join("\n", _notifications.Skip(from).Select(n => n.ToString()))}\n{Stderr}");
                Monitor.Wait(_notifications, left);
            }
        }
    }

    public int NotificationCount { get { lock (_notifications) return _notifications.Count; } }

    public IReadOnlyList<JsonElement> Notifications { get { lock (_notifications) return [.. _notifications]; } }

    /// <summary>The next diagnostics published for <paramref name="uri"/> after notification number <paramref name="from"/>.</summary>
    public JsonElement Diagnostics(string uri, int from = 0, Func<JsonElement, bool>? match = null) =>
        WaitFor(n => n.TryGetProperty("method", out var m) && m.GetString() == "textDocument/publishDiagnostics"
            && n.GetProperty("params").GetProperty("uri").GetString() == uri && (match?.Invoke(n.GetProperty("params").GetProperty("diagnostics")) ?? true),
            from, $"publishDiagnostics for {uri}").GetProperty("params");

    public async Task InitializeAsync(string root)
    {
        var init = await ResultAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(root).AbsoluteUri, ["name"] = "w" }),
            ["capabilities"] = new JsonObject(),
        });
        Assert.Equal(2, init.GetProperty("capabilities").GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Notify("initialized", new JsonObject());
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public void Open(string path, string text, int version = 1, string language = "json") =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = language, ["version"] = version, ["text"] = text },
        });

    public void ChangeFull(string path, string text, int version) =>
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    public static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject At(string path, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
        ["position"] = Pos(line, character),
    };

    public async Task<int> ShutdownAsync()
    {
        var result = await ResultAsync("shutdown", null);
        Assert.Equal(JsonValueKind.Null, result.ValueKind);
        Notify("exit", null);
        await _process.WaitForExitAsync().WaitAsync(Timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
