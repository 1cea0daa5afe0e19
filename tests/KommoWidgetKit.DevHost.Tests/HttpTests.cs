using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>Builds the dev host for one widget through WebApplicationFactory (in-memory TestServer).</summary>
internal sealed class DevHostFactory(DevHostOptions options) : WebApplicationFactory<TestHostEntry>
{
    private static readonly object Gate = new();

    public StringWriter Log { get; } = new();

    /// <summary>Creates a client; TestHostEntry reads the options from a static, so creation is serialised.</summary>
    public HttpClient Client()
    {
        lock (Gate)
        {
            TestHostEntry.NextOptions = options with { Log = TextWriter.Synchronized(Log) };
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }
    }
}

/// <summary>The dev host over HTTP: pages, widget files, path escapes, settings persistence, tokens, loopback rules.</summary>
public sealed class HttpTests
{
    private static readonly string[] PagePaths =
    [
        "/", "/dashboard/", "/leads/pipeline/", "/leads/detail/30000001", "/contacts/detail/10000001", "/companies/detail/20000001",
        "/customers/detail/40000001", "/leads/list/", "/contacts/list/contacts/", "/contacts/list/companies/", "/customers/list/",
        "/todo/list/", "/settings/widgets/", "/settings/widgets/card_panel/", "/settings/pipeline/leads/8000001/",
        "/widget_page/card_panel/main/", "/widget_page/card_panel/main/sub/", "/salesbot/designer/",
    ];

    [Fact]
    public async Task Every_documented_page_path_serves_the_shell_and_unknown_paths_do_not()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path });
        using var client = factory.Client();
        foreach (var path in PagePaths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} → {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            Assert.Contains("/__kommo/runtime/kommo-runtime.js", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no/such/page")).StatusCode);
        // The examples the terminal prints use the first record of each kind in the sandbox data.
        var data = factory.Services.GetRequiredService<KommoWidgetKit.DevHost.State.IHostData>();
        foreach (var path in KommoWidgetKit.DevHost.Endpoints.PageEndpoints.Pages("card_panel", data).Select(p => p.Example))
        {
            Assert.Contains(path, PagePaths);
        }
    }

    [Fact]
    public async Task Widget_files_are_served_under_params_path_with_content_types_and_no_caching()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path });
        using var client = factory.Client();

        using var script = await client.GetAsync("/upl/card_panel/widget/script.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", script.Headers.CacheControl?.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(widget.Path, "script.js")), await script.Content.ReadAsStringAsync());

        Assert.Equal("application/json", (await client.GetAsync("/upl/card_panel/widget/i18n/en.json")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/png", (await client.GetAsync("/upl/card_panel/widget/images/logo.png")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", (await client.GetAsync("/upl/card_panel/widget/style.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/upl/card_panel/widget/templates/panel.twig")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/widgets/card_panel/script.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/upl/card_panel/widget/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/upl/other_code/widget/script.js")).StatusCode);

        // Host files: runtime, vendor libraries from npm, system templates.
        Assert.Contains("jQuery JavaScript Library v2.2.4", await client.GetStringAsync("/__kommo/vendor/jquery.js"));
        Assert.Contains("Underscore.js 1.9.1", await client.GetStringAsync("/__kommo/vendor/underscore.js"));
        Assert.Contains("2.24.0", await client.GetStringAsync("/__kommo/vendor/moment.js"));
        Assert.Contains("RequireJS 2.3.7", await client.GetStringAsync("/__kommo/vendor/require.js"));
        Assert.Contains("button-input", await client.GetStringAsync("/tmpl/controls/button.twig"));
    }

    [Fact]
    public async Task The_code_comes_from_code_option_then_legacy_widget_code_then_the_folder_name()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using (var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path, Code = "my_code" }))
        {
            using var client = factory.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/upl/my_code/widget/script.js")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/upl/card_panel/widget/script.js")).StatusCode);
        }
        var manifest = Path.Combine(widget.Path, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": \"1.2.0\",", "\"version\": \"1.2.0\", \"code\": \"legacy_code\","));
        await using (var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path }))
        {
            using var client = factory.Client();
            var state = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/state");
            Assert.Equal("legacy_code", state.GetProperty("widget").GetProperty("code").GetString());
            Assert.Equal("/upl/legacy_code/widget", state.GetProperty("widget").GetProperty("path").GetString());
        }
    }

    [Theory]
    [InlineData("/work/hello-kommo", "hello_kommo")]
    [InlineData("/work/Widget_Kommo", "widget_kommo")]
    [InlineData("/tmp/2fast", "w2fast")]
    [InlineData("/tmp/виджет", "widget")]
    public void A_folder_name_becomes_a_valid_widget_code(string path, string code)
    {
        Assert.Equal(code, KommoWidgetKit.DevHost.Widget.WidgetSource.DefaultCode(path));
    }

    [Fact]
    public async Task Paths_that_leave_the_widget_root_are_refused()
    {
        using var widget = TempWidget.Copy("card_panel");
        File.WriteAllText(Path.Combine(widget.Root, "secret.txt"), "outside the widget");
        Directory.CreateDirectory(Path.Combine(widget.Path, ".kommo"));
        await using var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path });
        using var client = factory.Client();
        string[] escapes =
        [
            "/upl/card_panel/widget/%2e%2e/secret.txt",
            "/upl/card_panel/widget/..%2fsecret.txt",
            "/upl/card_panel/widget/..%5csecret.txt",
            "/upl/card_panel/widget/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/upl/card_panel/widget//etc/passwd",
            "/upl/card_panel/widget/.kommo/dev.db",
            "/widgets/card_panel/%2e%2e/secret.txt",
        ];
        foreach (var path in escapes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, new Uri(path, UriKind.Relative).OriginalString));
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path} → {(int)response.StatusCode}");
            Assert.DoesNotContain("outside the widget", body);
        }
    }

    [Fact]
    public async Task Settings_enforce_required_fields_and_persist_across_restarts()
    {
        using var widget = TempWidget.Copy("settings_custom");
        await using (var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path }))
        {
            using var client = factory.Client();
            var empty = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/settings");
            Assert.Equal("N", empty.GetProperty("active").GetString());
            Assert.Equal("install", empty.GetProperty("status").GetString());

            using var refused = await client.PostAsJsonAsync("/__kommo/api/settings", new { active = "Y", fields = new { api_key = "" } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("api_key", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("options", out _));

            using var saved = await client.PostAsJsonAsync("/__kommo/api/settings", new
            {
                active = "Y",
                fields = new { api_key = "k-1", options = """{"consent":true}""", extensions = new Dictionary<string, string> { ["9000002"] = "101" } },
            });
            saved.EnsureSuccessStatusCode();
        }
        Assert.True(File.Exists(Path.Combine(widget.Path, ".kommo", "dev.db")));

        await using (var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path }))
        {
            using var client = factory.Client();
            var state = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/state");
            var install = state.GetProperty("install");
            Assert.Equal("Y", install.GetProperty("active").GetString());
            Assert.Equal("installed", install.GetProperty("status").GetString());
            Assert.Equal("k-1", install.GetProperty("settings").GetProperty("api_key").GetString());
            Assert.Equal("101", install.GetProperty("settings").GetProperty("extensions").GetProperty("9000002").GetString());
            Assert.Equal("/upl/settings_custom/widget", state.GetProperty("widget").GetProperty("path").GetString());

            // Disabling keeps the values (as Kommo does) and turns the widget off.
            (await client.PostAsJsonAsync("/__kommo/api/settings", new { active = "N", fields = new { api_key = "k-1" } })).EnsureSuccessStatusCode();
            var off = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/settings");
            Assert.Equal("N", off.GetProperty("active").GetString());
        }

        await using (var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path, Reset = true }))
        {
            using var client = factory.Client();
            var reset = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/settings");
            Assert.Equal("install", reset.GetProperty("status").GetString());
            Assert.Empty(reset.GetProperty("settings").EnumerateObject());
        }
    }

    [Fact]
    public async Task Auth_token_is_an_hs256_jwt_with_the_documented_claims_signed_with_the_dev_secret()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path);
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(host.Address + "/__kommo/api/token", new { audience = "https://api.example.com" });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);

        var secret = host.Log.ToString().Split('\n').Single(l => l.Contains("dev secret")).Split(' ').Last().Trim();
        var expected = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        Assert.Equal(expected, parts[2]);

        var header = JsonDocument.Parse(FromBase64Url(parts[0])).RootElement;
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        var claims = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
        foreach (var claim in new[] { "iss", "aud", "jti", "iat", "nbf", "exp", "account_id", "user_id", "subdomain", "client_uuid" })
        {
            Assert.True(claims.TryGetProperty(claim, out _), claim);
        }
        Assert.Equal("https://api.example.com", claims.GetProperty("aud").GetString());
        Assert.Equal("devaccount", claims.GetProperty("subdomain").GetString());
    }

    [Fact]
    public async Task Crm_post_is_proxied_and_non_loopback_hosts_and_cross_site_posts_are_refused()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path);
        using var http = new HttpClient();

        var proxied = await http.PostAsJsonAsync(host.Address + "/__kommo/api/crm_post", new { url = host.Address + "/__kommo/echo", body = "a=1&b=two" });
        var result = await proxied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, result.GetProperty("status").GetInt32());
        var echo = JsonDocument.Parse(result.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("a=1&b=two", echo.GetProperty("body").GetString());
        Assert.StartsWith("application/x-www-form-urlencoded", echo.GetProperty("content_type").GetString());

        var notHttp = await http.PostAsJsonAsync(host.Address + "/__kommo/api/crm_post", new { url = "file:///etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, notHttp.StatusCode);

        using var rebinding = new HttpRequestMessage(HttpMethod.Get, host.Address + "/__kommo/api/state");
        rebinding.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await http.SendAsync(rebinding)).StatusCode);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, host.Address + "/__kommo/api/settings")
        {
            Content = JsonContent.Create(new { active = "Y", fields = new { } }),
        };
        crossSite.Headers.Add("Origin", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);
    }

    [Fact]
    public async Task A_zip_widget_is_served_and_keeps_its_state_beside_the_zip()
    {
        using var widget = TempWidget.Copy("card_panel");
        var zip = Path.Combine(widget.Root, "card_panel.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(widget.Path, zip);
        await using var factory = new DevHostFactory(new DevHostOptions { WidgetPath = zip });
        using var client = factory.Client();
        Assert.Contains("CustomWidget", await client.GetStringAsync("/upl/card_panel/widget/script.js"));
        (await client.PostAsJsonAsync("/__kommo/api/settings", new { active = "Y", fields = new { } })).EnsureSuccessStatusCode();
        Assert.True(File.Exists(Path.Combine(widget.Root, ".kommo", "card_panel.db")));
    }

    [Fact]
    public async Task A_change_on_disk_is_validated_and_pushed_to_open_pages()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, watch: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var stream = await http.GetStreamAsync(host.Address + "/__kommo/events");
        using var reader = new StreamReader(stream);
        Assert.StartsWith("event: hello", await reader.ReadLineAsync());

        File.AppendAllText(Path.Combine(widget.Path, "style.css"), "\n.x { color: red; }\n");
        var css = await NextEventAsync(reader);
        Assert.Equal("css", css.GetProperty("kind").GetString());
        Assert.Equal(["style.css"], css.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToArray());

        File.WriteAllText(Path.Combine(widget.Path, "manifest.json"), "{ \"widget\": { \"name\": \"x\", } }");
        var broken = await NextEventAsync(reader);
        Assert.Equal("reload", broken.GetProperty("kind").GetString());
        Assert.Contains(broken.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error" && d.GetProperty("path").GetString() == "manifest.json");
        Assert.Contains("manifest.json:1:", host.Log.ToString());
    }

    [Fact]
    public async Task Another_data_source_and_extra_endpoints_can_be_plugged_in()
    {
        using var widget = TempWidget.Copy("card_panel");
        var data = new StubData();
        await using var factory = new DevHostFactory(new DevHostOptions
        {
            WidgetPath = widget.Path,
            Data = data,
            ConfigureServices = services => services.AddSingleton(new Marker("sandbox")),
            ConfigureApp = app => app.MapGet("/extra/account", (Marker m, KommoWidgetKit.DevHost.State.IHostData d) => new Dictionary<string, string> { ["name"] = d.Account.Name, ["by"] = m.Name }),
        });
        using var client = factory.Client();
        var state = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/state");
        Assert.Equal("Stub Account", state.GetProperty("host").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("Only lead", state.GetProperty("host").GetProperty("entities").GetProperty("leads")[0].GetProperty("name").GetString());
        var account = await client.GetFromJsonAsync<JsonElement>("/extra/account");
        Assert.Equal("sandbox", account.GetProperty("by").GetString());

        // An IHostData registered by the extra services (as the sandbox store would be) is used too.
        await using var viaServices = new DevHostFactory(new DevHostOptions
        {
            WidgetPath = widget.Path,
            ConfigureServices = services => services.AddSingleton<KommoWidgetKit.DevHost.State.IHostData>(new StubData()),
        });
        using var second = viaServices.Client();
        var fromServices = await second.GetFromJsonAsync<JsonElement>("/__kommo/api/state");
        Assert.Equal("Stub Account", fromServices.GetProperty("host").GetProperty("account").GetProperty("name").GetString());
    }

    private sealed record Marker(string Name);

    private sealed class StubData : KommoWidgetKit.DevHost.State.IHostData
    {
        public KommoWidgetKit.DevHost.State.HostUser CurrentUser { get; } = new(1, "Stub User", "stub@example.com", true, 0);

        public KommoWidgetKit.DevHost.State.HostAccount Account { get; } = new(2, "Stub Account", "stub", "USD", "US");

        public IReadOnlyList<KommoWidgetKit.DevHost.State.HostUser> Managers => [CurrentUser];

        public IReadOnlyDictionary<string, string> Groups { get; } = new Dictionary<string, string> { ["group_0"] = "Stub group" };

        public IReadOnlyList<KommoWidgetKit.DevHost.State.HostPipeline> Pipelines { get; } = [new(3, "Stub pipeline", [new(4, "First", "#ffffff")])];

        public KommoWidgetKit.DevHost.State.HostEntity? Find(string entityType, long id) => List(entityType).FirstOrDefault(e => e.Id == id);

        public IReadOnlyList<KommoWidgetKit.DevHost.State.HostEntity> List(string entityType) =>
            entityType == "leads" ? [new("leads", 1, "Only lead", CurrentUser.Id)] : [];
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader reader)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"kind\"", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }
}
