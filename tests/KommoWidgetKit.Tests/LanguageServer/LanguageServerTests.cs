using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.LanguageServer;

/// <summary>The real <c>kommo-widget lsp</c> process driven over stdio by a test client.</summary>
public sealed class LanguageServerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _root;
    private readonly Dictionary<string, byte[]> _before;

    public LanguageServerTests()
    {
        _root = TestWidget.Valid().WriteTo(_temp.Combine("widget"));
        _before = Snapshot(_temp.Path);
    }

    public void Dispose()
    {
        _temp.Dispose();
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    /// <summary>The server never writes: every file is as before, and no file was added.</summary>
    private void AssertDiskUntouched()
    {
        var now = Snapshot(_temp.Path);
        Assert.Equal(_before.Keys.Order(), now.Keys.Order());
        foreach (var (path, bytes) in _before) Assert.True(bytes.AsSpan().SequenceEqual(now[path]), $"{path} was written");
    }

    private string P(string rel) => Path.Combine(_root, rel);

    private static string Manifest => TestWidget.ValidManifest.Replace("\r\n", "\n");

    private static (int Line, int Character) Find(string text, string needle, int skip = 0)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal) + skip;
        Assert.True(at >= skip, $"'{needle}' not in the text");
        int line = text[..at].Count(c => c == '\n');
        int lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        if (at == 0) lineStart = 0;
        return (line, at - lineStart);
    }

    private static JsonElement Single(JsonElement diagnostics, string code) =>
        Assert.Single(diagnostics.EnumerateArray(), d => d.GetProperty("code").GetString() == code);

    private async Task<LspClient> StartAsync()
    {
        var client = new LspClient();
        await client.InitializeAsync(_root);
        return client;
    }

    [Fact]
    public async Task Diagnostics_appear_on_open_with_range_and_code_and_clear_after_an_in_memory_fix()
    {
        using var client = await StartAsync();
        string bad = Manifest.Replace("\"lcard-1\"", "\"lcrd-1\"");
        int mark = client.NotificationCount;
        client.Open(P("manifest.json"), bad, version: 1);
        var published = client.Diagnostics(LspClient.Uri(P("manifest.json")), mark, d => d.GetArrayLength() > 0);
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        var d = Single(published.GetProperty("diagnostics"), "KW1021");
        var (line, character) = Find(bad, "\"lcrd-1\"");
        Assert.Equal(line, d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(character + "\"lcrd-1\"".Length, d.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        Assert.Equal(1, d.GetProperty("severity").GetInt32());
        Assert.Equal("kommo-widget", d.GetProperty("source").GetString());
        Assert.EndsWith("/docs/rules/KW1021.md", d.GetProperty("codeDescription").GetProperty("href").GetString());

        // An incremental change puts the letter back: the finding goes, without any save.
        mark = client.NotificationCount;
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(P("manifest.json")), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = LspClient.Pos(line, character + 3), ["end"] = LspClient.Pos(line, character + 3) },
                ["text"] = "a",
            }),
        });
        var cleared = client.Diagnostics(LspClient.Uri(P("manifest.json")), mark);
        Assert.Equal(0, cleared.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(2, cleared.GetProperty("version").GetInt32());
        Assert.Equal(0, await client.ShutdownAsync());
        AssertDiskUntouched();
    }

    [Fact]
    public async Task Removing_a_key_from_an_open_locale_file_gives_the_manifest_its_finding()
    {
        using var client = await StartAsync();
        string en = TestWidget.ValidI18nEn.Replace("\r\n", "\n");
        int mark = client.NotificationCount;
        client.Open(P("i18n/en.json"), en.Replace("\"settings\": { \"api_key\": \"API key\" }", "\"settings\": { }"));
        var manifest = client.Diagnostics(LspClient.Uri(P("manifest.json")), mark, d => d.GetArrayLength() > 0);
        var d = Single(manifest.GetProperty("diagnostics"), "KW3005");
        Assert.Contains("settings.api_key", d.GetProperty("message").GetString());
        Assert.Equal(Find(Manifest, "\"settings.api_key\"").Line, d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        // The manifest is not open: no version.
        Assert.False(manifest.TryGetProperty("version", out _));

        // Closing the file without saving: the disk counts again and the finding goes.
        mark = client.NotificationCount;
        client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(P("i18n/en.json")) } });
        Assert.Equal(0, client.Diagnostics(LspClient.Uri(P("manifest.json")), mark).GetProperty("diagnostics").GetArrayLength());
        AssertDiskUntouched();
    }

    [Fact]
    public async Task Completion_offers_locations_with_suffixes_keys_by_position_and_i18n_keys_in_scripts()
    {
        using var client = await StartAsync();
        string text = Manifest.Replace("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lc\", \"settings\"]");
        client.Open(P("manifest.json"), text);
        var (line, character) = Find(text, "\"lc\"", 3);
        var list = await client.ResultAsync("textDocument/completion", LspClient.At(P("manifest.json"), line, character));
        var labels = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("lcard-1", labels);
        Assert.Contains("lcard-0", labels);
        Assert.Contains("everywhere", labels);
        Assert.DoesNotContain("everywhere-1", labels);
        var lcard = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("label").GetString() == "lcard-1");
        Assert.Equal("\"lcard-1\"", lcard.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(character - 3, lcard.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        // Keys of the root object: the ones not there yet.
        string keys = Manifest.Replace("\"locations\":", "\"\": 1,\n  \"locations\":");
        client.ChangeFull(P("manifest.json"), keys, 2);
        var (kl, kc) = Find(keys, "\"\": 1", 1);
        var rootKeys = (await client.ResultAsync("textDocument/completion", LspClient.At(P("manifest.json"), kl, kc)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("dp", rootKeys);
        Assert.Contains("advanced", rootKeys);
        Assert.DoesNotContain("widget", rootKeys);
        Assert.DoesNotContain("locations", rootKeys);

        // Setting types from the schema.
        string typed = Manifest.Replace("\"type\": \"text\"", "\"type\": \"\"");
        client.ChangeFull(P("manifest.json"), typed, 3);
        var (tl, tc) = Find(typed, "\"type\": \"\"", 9);
        var types = (await client.ResultAsync("textDocument/completion", LspClient.At(P("manifest.json"), tl, tc)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("pass", types);
        Assert.Contains("users_lp", types);

        // i18n keys inside self.i18n('…') in a script.
        string script = TestWidget.ValidScript.Replace("\r\n", "\n") + "\nvar t = self.i18n('sett";
        client.Open(P("script.js"), script, language: "javascript");
        int last = script.Split('\n').Length - 1;
        var scriptItems = (await client.ResultAsync("textDocument/completion", LspClient.At(P("script.js"), last, script.Split('\n')[^1].Length)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("settings.api_key", scriptItems);
        Assert.Contains("widget.name", scriptItems);
    }

    [Fact]
    public async Task Twig_completes_keys_after_lang_and_in_the_i18n_filter_and_scripts_jump_to_their_keys()
    {
        using var client = await StartAsync();
        string twig = "<div>{{ lang.sett";
        client.Open(P("templates/panel.twig"), twig, language: "twig");
        var afterLang = (await client.ResultAsync("textDocument/completion", LspClient.At(P("templates/panel.twig"), 0, twig.Length)))
            .GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(afterLang, i => i.GetProperty("label").GetString() == "settings.api_key");
        Assert.Equal("API key", item.GetProperty("detail").GetString());
        Assert.Equal(twig.Length - "sett".Length, item.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        string filter = "{{ 'wid'|i18n }}";
        client.ChangeFull(P("templates/panel.twig"), filter, 2);
        var inFilter = (await client.ResultAsync("textDocument/completion", LspClient.At(P("templates/panel.twig"), 0, "{{ 'wid".Length)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("widget.name", inFilter);

        string script = TestWidget.ValidScript.Replace("\r\n", "\n") + "\nvar n = self.i18n('widget.name');\n";
        client.Open(P("script.js"), script, language: "javascript");
        var (line, character) = Find(script, "'widget.name'", 3);
        var locations = await client.ResultAsync("textDocument/definition", LspClient.At(P("script.js"), line, character));
        Assert.Equal([LspClient.Uri(P("i18n/en.json")), LspClient.Uri(P("i18n/es.json"))],
            locations.EnumerateArray().Select(l => l.GetProperty("uri").GetString()).Order());
    }

    [Fact]
    public async Task Definition_of_a_manifest_i18n_key_is_its_entry_in_each_locale_file()
    {
        using var client = await StartAsync();
        client.Open(P("manifest.json"), Manifest);
        var (line, character) = Find(Manifest, "\"settings.api_key\"", 3);
        var locations = await client.ResultAsync("textDocument/definition", LspClient.At(P("manifest.json"), line, character));
        var byUri = locations.EnumerateArray().ToDictionary(l => l.GetProperty("uri").GetString()!);
        Assert.Equal([LspClient.Uri(P("i18n/en.json")), LspClient.Uri(P("i18n/es.json"))], byUri.Keys.Order());
        var en = byUri[LspClient.Uri(P("i18n/en.json"))].GetProperty("range").GetProperty("start");
        var (el, ec) = Find(TestWidget.ValidI18nEn.Replace("\r\n", "\n"), "\"API key\"");
        Assert.Equal(el, en.GetProperty("line").GetInt32());
        Assert.Equal(ec, en.GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Hover_explains_a_finding_and_a_manifest_key()
    {
        using var client = await StartAsync();
        string bad = Manifest.Replace("\"lcard-1\"", "\"lcrd-1\"");
        int mark = client.NotificationCount;
        client.Open(P("manifest.json"), bad);
        client.Diagnostics(LspClient.Uri(P("manifest.json")), mark, d => d.GetArrayLength() > 0);
        var (line, character) = Find(bad, "\"lcrd-1\"", 2);
        var hover = await client.ResultAsync("textDocument/hover", LspClient.At(P("manifest.json"), line, character));
        string text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("**KW1021 location-unknown**: Unknown location", text);
        Assert.Contains("The locations are a fixed list", text); // from the rule page's Why
        Assert.Contains("docs/rules/KW1021.md", text);

        var (kl, kc) = Find(bad, "\"interface_version\"", 3);
        var key = await client.ResultAsync("textDocument/hover", LspClient.At(P("manifest.json"), kl, kc));
        string keyText = key.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("**widget.interface_version**", keyText);
        Assert.Contains("Must be 2.", keyText);
    }

    private static string Apply(string text, JsonElement edits)
    {
        // Apply from the end, so earlier positions stay right.
        var list = edits.EnumerateArray().Select(e => (
            Start: Offset(text, e.GetProperty("range").GetProperty("start")),
            End: Offset(text, e.GetProperty("range").GetProperty("end")),
            New: e.GetProperty("newText").GetString()!)).OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, replacement) in list) text = text[..start] + replacement + text[end..];
        return text;
    }

    private static int Offset(string text, JsonElement position)
    {
        int line = position.GetProperty("line").GetInt32(), character = position.GetProperty("character").GetInt32();
        int i = 0;
        for (int l = 0; l < line; l++) i = text.IndexOf('\n', i) + 1;
        return i + character;
    }

    [Fact]
    public async Task A_code_action_repairs_the_finding_in_the_editor_and_another_turns_the_rule_off()
    {
        using var client = await StartAsync();
        string bad = Manifest.Replace("\"interface_version\": 2", "\"interface_version\": 1");
        int mark = client.NotificationCount;
        client.Open(P("manifest.json"), bad, version: 4);
        var d = Single(client.Diagnostics(LspClient.Uri(P("manifest.json")), mark, x => x.GetArrayLength() > 0).GetProperty("diagnostics"), "KW1006");
        var actions = await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(P("manifest.json")) },
            ["range"] = JsonNode.Parse(d.GetProperty("range").GetRawText()),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(JsonNode.Parse(d.GetRawText())) },
        });
        var fix = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("title").GetString() == "Set interface_version to 2");
        Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
        Assert.True(fix.GetProperty("isPreferred").GetBoolean());
        var change = Assert.Single(fix.GetProperty("edit").GetProperty("documentChanges").EnumerateArray());
        Assert.Equal(4, change.GetProperty("textDocument").GetProperty("version").GetInt32());
        string fixedText = Apply(bad, change.GetProperty("edits"));
        Assert.Equal(Manifest, fixedText);

        var off = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("title").GetString()!.StartsWith("Turn off KW1006", StringComparison.Ordinal));
        var offChanges = off.GetProperty("edit").GetProperty("documentChanges").EnumerateArray().ToList();
        Assert.Equal("create", offChanges[0].GetProperty("kind").GetString());
        Assert.Equal(LspClient.Uri(P("kommo-widget.json")), offChanges[0].GetProperty("uri").GetString());
        string config = Apply("", offChanges[1].GetProperty("edits"));
        Assert.Equal("off", JsonDocument.Parse(config).RootElement.GetProperty("rules").GetProperty("KW1006").GetString());

        // The editor applies the fix: the finding goes.
        mark = client.NotificationCount;
        client.ChangeFull(P("manifest.json"), fixedText, 5);
        Assert.Equal(0, client.Diagnostics(LspClient.Uri(P("manifest.json")), mark).GetProperty("diagnostics").GetArrayLength());
        Assert.False(File.Exists(P("kommo-widget.json")));
        AssertDiskUntouched();
    }

    [Fact]
    public async Task Malformed_input_gets_errors_and_the_server_keeps_serving()
    {
        using var client = new LspClient();
        var early = await client.RequestAsync("textDocument/hover", LspClient.At(P("manifest.json"), 0, 0));
        Assert.Equal(-32002, early.GetProperty("error").GetProperty("code").GetInt32());
        await client.InitializeAsync(_root);

        int mark = client.NotificationCount;
        client.WriteRaw(Encoding.ASCII.GetBytes("Content-Length: abc\r\n\r\n"));
        client.WriteRaw([.. Encoding.ASCII.GetBytes("Content-Length: 9\r\n\r\n"), .. Encoding.ASCII.GetBytes("{not json")]);
        client.WriteRaw([.. Encoding.ASCII.GetBytes("Content-Length: 2\r\n\r\n"), .. Encoding.ASCII.GetBytes("[]")]);
        var parseError = client.WaitFor(n => n.TryGetProperty("error", out var e) && e.GetProperty("code").GetInt32() == -32700, mark, "parse error");
        Assert.Equal(JsonValueKind.Null, parseError.GetProperty("id").ValueKind);

        var unknown = await client.RequestAsync("kommo/bogus", new JsonObject());
        Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());
        var badParams = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 5 });
        Assert.Equal(-32602, badParams.GetProperty("error").GetProperty("code").GetInt32());
        client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = "nope" });
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = 99 });

        // A 50 MB document and a document outside any widget are ignored, not fatal.
        string huge = new('x', 50 * 1024 * 1024);
        client.Open(P("huge.js"), huge, language: "javascript");
        string outside = _temp.Combine("elsewhere", "notes.json");
        client.Open(outside, "{ \"a\": ");
        var none = await client.ResultAsync("textDocument/completion", LspClient.At(outside, 0, 4));
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());

        client.Open(P("manifest.json"), Manifest);
        var hover = await client.ResultAsync("textDocument/hover", LspClient.At(P("manifest.json"), Find(Manifest, "\"interface_version\"", 2).Line, 6));
        Assert.Equal(JsonValueKind.Object, hover.ValueKind);
        var until = DateTime.UtcNow + LspClient.Timeout;
        while (!client.Stderr.Contains("over the limit", StringComparison.Ordinal) && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.Contains("over the limit", client.Stderr);
        Assert.DoesNotContain(client.Notifications, n => n.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("uri", out var u) && u.GetString() == LspClient.Uri(outside));
        Assert.Equal(0, await client.ShutdownAsync());
        AssertDiskUntouched();
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        using var client = await StartAsync();
        client.Notify("exit", null);
        await client.Process.WaitForExitAsync().WaitAsync(LspClient.Timeout);
        Assert.Equal(1, client.Process.ExitCode);
    }

    [Fact]
    public async Task Every_widget_of_the_workspace_is_checked_with_its_own_settings_and_disk_changes_count()
    {
        // Two widgets in one workspace folder; the second turns KW1021 off in its kommo-widget.json.
        string a = TestWidget.Valid().EditManifest("\"lcard-1\"", "\"lcrd-1\"").WriteTo(_temp.Combine("ws", "a"));
        string b = TestWidget.Valid().EditManifest("\"lcard-1\"", "\"lcrd-1\"")
            .Set("kommo-widget.json", "{ \"rules\": { \"KW1021\": \"off\" } }").WriteTo(_temp.Combine("ws", "b"));
        using var client = new LspClient();
        await client.InitializeAsync(_temp.Combine("ws"));
        var first = client.Diagnostics(LspClient.Uri(Path.Combine(a, "manifest.json")), 0, d => d.GetArrayLength() > 0);
        Single(first.GetProperty("diagnostics"), "KW1021");

        // b has nothing to show; a file deleted on disk is noticed through the watcher.
        File.Delete(Path.Combine(b, "i18n", "es.json"));
        int mark = client.NotificationCount;
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspClient.Uri(Path.Combine(b, "i18n", "es.json")), ["type"] = 3 }),
        });
        var bManifest = client.Diagnostics(LspClient.Uri(Path.Combine(b, "manifest.json")), mark, d => d.GetArrayLength() > 0);
        Assert.Contains(bManifest.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "KW3000");
        Assert.DoesNotContain(bManifest.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "KW1021");

        // Removing the workspace folder clears what it showed.
        mark = client.NotificationCount;
        client.Notify("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(),
                ["removed"] = new JsonArray(new JsonObject { ["uri"] = LspClient.Uri(_temp.Combine("ws")), ["name"] = "ws" }),
            },
        });
        Assert.Equal(0, client.Diagnostics(LspClient.Uri(Path.Combine(a, "manifest.json")), mark).GetProperty("diagnostics").GetArrayLength());
    }
}
