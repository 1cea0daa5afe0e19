using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KommoWidgetKit.DevHost.Endpoints;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>What the real-account loop needs from the host, over real Kestrel: HTTPS with the kept certificate, CORS for
/// account pages, the loader's module and its out-of-date check, dev settings on start, and the polling watcher.</summary>
public sealed class RealAccountTests
{
    /// <summary>An HttpClient that trusts exactly the host's certificate from .kommo/ (nothing else).</summary>
    internal static HttpClient TrustingClient(string widgetFolder)
    {
        var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(widgetFolder, ".kommo", "dev-https.crt")));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawData.AsSpan().SequenceEqual(pinned.RawData),
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    [Fact]
    public async Task Https_serves_with_a_certificate_for_localhost_kept_in_dot_kommo_and_made_once()
    {
        using var widget = TempWidget.Copy("card_panel");
        string certPath = Path.Combine(widget.Path, ".kommo", "dev-https.crt");
        byte[] first;
        await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { HttpsPort = 0 }))
        {
            Assert.NotNull(host.HttpsAddress);
            Assert.Matches(@"^https://localhost:\d+$", host.HttpsAddress);
            using var http = TrustingClient(widget.Path);
            var script = await http.GetAsync(host.HttpsAddress + "/upl/card_panel/widget/script.js");
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("define(", await script.Content.ReadAsStringAsync());
            var output = host.Output();
            Assert.Contains("Listening on " + host.Address, output);
            Assert.Contains("Listening on " + host.HttpsAddress, output);
            Assert.True(output.IndexOf("Listening on http://", StringComparison.Ordinal) < output.IndexOf("Listening on https://", StringComparison.Ordinal));
            Assert.Contains("made now", output);
            Assert.Contains("certutil -d sql:$HOME/.pki/nssdb -A -t \"P,,\"", output);
            Assert.Contains("Firefox", output);

            var cert = X509Certificate2.CreateFromPem(File.ReadAllText(certPath));
            Assert.Contains("CN=localhost", cert.Subject);
            Assert.Contains(cert.Extensions.OfType<X509BasicConstraintsExtension>(), e => !e.CertificateAuthority);
            var names = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Contains("localhost", names.EnumerateDnsNames());
            Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(widget.Path, ".kommo", "dev-https.key")));
            }
            first = cert.RawData;
        }

        // The next start keeps it (a trusted certificate stays trusted); pack never ships .kommo/.
        await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { HttpsPort = 0 }))
        {
            Assert.DoesNotContain("made now", host.Output());
            Assert.Equal(first, X509Certificate2.CreateFromPem(File.ReadAllText(certPath)).RawData);
        }
        var shipped = WidgetPacker.SelectFiles(WidgetLoader.Load(widget.Path)).Included.Select(f => f.Path);
        Assert.DoesNotContain(shipped, p => p.StartsWith(".kommo", StringComparison.Ordinal));

        // Without --https-port nothing listens on HTTPS.
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            Assert.Null(host.HttpsAddress);
            Assert.DoesNotContain("https://", host.Output().Split('\n')[0]);
        }
    }

    [Theory]
    [InlineData("https://acme.kommo.com", true)]
    [InlineData("https://my-team.amocrm.ru", true)]
    [InlineData("https://x.amocrm.com", true)]
    [InlineData("https://example.com", false)]
    [InlineData("https://kommo.com", false)]
    [InlineData("https://acme.kommo.com.evil.example", false)]
    [InlineData("http://acme.kommo.com", false)]
    [InlineData("https://acme.kommo.com:8443", false)]
    public async Task Widget_files_answer_account_origins_with_cors_and_others_without(string origin, bool allowed)
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { HttpsPort = 0 });
        using var http = TrustingClient(widget.Path);
        foreach (var path in new[] { "/upl/card_panel/widget/script.js", DevLoader.LivePath + "?upload=x", "/widgets/card_panel/style.css" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, host.HttpsAddress + path);
            get.Headers.Add("Origin", origin);
            using var response = await http.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Origin", response.Headers.Vary);
            Assert.Equal(allowed ? origin : null, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? v.Single() : null);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        // The preflight, with Chrome's Private Network Access request for a public page reaching localhost.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, host.HttpsAddress + "/upl/card_panel/widget/templates/panel.twig");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-requested-with");
        preflight.Headers.Add("Access-Control-Request-Private-Network", "true");
        using var answer = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        string? Header(string name) => answer.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        if (allowed)
        {
            Assert.Equal(origin, Header("Access-Control-Allow-Origin"));
            Assert.Equal("GET, HEAD", Header("Access-Control-Allow-Methods"));
            Assert.Equal("x-requested-with", Header("Access-Control-Allow-Headers"));
            Assert.Equal("true", Header("Access-Control-Allow-Private-Network"));
        }
        else
        {
            Assert.Null(Header("Access-Control-Allow-Origin"));
            Assert.Null(Header("Access-Control-Allow-Private-Network"));
        }

        // The event stream the loader's live reload reads.
        using var events = new HttpRequestMessage(HttpMethod.Get, host.HttpsAddress + "/__kommo/events");
        events.Headers.Add("Origin", origin);
        using var stream = await http.SendAsync(events, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(allowed ? origin : null, stream.Headers.TryGetValues("Access-Control-Allow-Origin", out var e) ? e.Single() : null);

        // The host's own API and pages stay same-origin.
        using var state = new HttpRequestMessage(HttpMethod.Get, host.HttpsAddress + "/__kommo/api/state");
        state.Headers.Add("Origin", origin);
        using var stateAnswer = await http.SendAsync(state);
        Assert.False(stateAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_loader_module_says_when_the_uploaded_loader_is_out_of_date()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, watch: true, configure: o => o with { HttpsPort = 0 });
        using var http = TrustingClient(widget.Path);
        string hash = DevLoader.UploadHash(WidgetLoader.Load(widget.Path));

        async Task<string> LoadAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{host.HttpsAddress}{DevLoader.LivePath}?{DevLoader.HashParameter}={hash}");
            request.Headers.Referrer = new Uri("https://acme.kommo.com/");
            using var response = await http.SendAsync(request);
            Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            return await response.Content.ReadAsStringAsync();
        }

        var current = await LoadAsync();
        Assert.Contains("var stale = false;", current);
        Assert.Contains($"define([\"{host.HttpsAddress}/upl/card_panel/widget/script.js?v=", current);
        Assert.Contains($"var base = \"{host.HttpsAddress}/upl/card_panel/widget\";", current);
        Assert.Contains("https://acme.kommo.com loaded the live widget", host.Output());
        Assert.DoesNotContain(LoaderEndpoints.OutOfDate, host.Output());

        // A script change is live; an i18n change needs a new upload.
        File.AppendAllText(Path.Combine(widget.Path, "script.js"), "\n// edited\n");
        await WaitForAsync(() => host.Output().Contains("changed: script.js", StringComparison.Ordinal));
        Assert.Contains("var stale = false;", await LoadAsync());
        File.WriteAllText(Path.Combine(widget.Path, "i18n", "en.json"), File.ReadAllText(Path.Combine(widget.Path, "i18n", "en.json")).Replace("Hello from the panel", "Hi from the panel"));
        await WaitForAsync(() => host.Output().Contains("changed: i18n/en.json", StringComparison.Ordinal));
        var stale = await LoadAsync();
        Assert.Contains("var stale = true;", stale);
        Assert.Contains(LoaderEndpoints.OutOfDate, stale);
        Assert.Contains("[dev] " + LoaderEndpoints.OutOfDate, host.Output());

        // The probe a loader sends before the widget loads.
        using var ping = await http.GetAsync(host.HttpsAddress + DevLoader.PingPath);
        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
    }

    [Fact]
    public async Task Dev_settings_install_the_widget_on_start_and_problems_leave_it_not_installed_with_findings_where_they_stand()
    {
        using var widget = TempWidget.Copy("settings_custom");
        string config = Path.Combine(widget.Path, "kommo-widget.json");
        File.WriteAllText(config, "{\n  \"dev\": {\n    \"settings\": { \"api_key\": \"k-1\", \"options\": { \"consent\": true }, \"extensions\": { \"9000002\": \"101\" } },\n    \"installed\": true\n  }\n}\n");
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            using var http = new HttpClient();
            var install = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/settings");
            Assert.Equal("Y", install.GetProperty("active").GetString());
            Assert.Equal("installed", install.GetProperty("status").GetString());
            Assert.Equal("k-1", install.GetProperty("settings").GetProperty("api_key").GetString());
            Assert.Equal("{\"consent\":true}", install.GetProperty("settings").GetProperty("options").GetString());
            Assert.Contains("installed from kommo-widget.json with 3 settings", host.Output());
        }

        // A required setting left out: a finding with its position, and the widget is not installed from the block.
        File.WriteAllText(config, "{\n  \"dev\": {\n    \"settings\": { \"api_key\": \"k-1\" }\n  }\n}\n");
        await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { Reset = true }))
        {
            using var http = new HttpClient();
            var install = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/settings");
            Assert.Equal("N", install.GetProperty("active").GetString());
            var output = host.Output();
            Assert.Contains("kommo-widget.json:3:17: error KW6020: kommo-widget.json: required setting \"options\" is missing", output);
            Assert.Contains("was not installed from it", output);
        }
    }

    [Fact]
    public async Task When_the_os_refuses_a_watcher_the_host_polls_and_live_reload_keeps_working()
    {
        using var widget = TempWidget.Copy("card_panel");
        const string Refusal = "The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.";
        await using var host = await RunningHost.StartAsync(widget.Path, watch: true,
            configure: o => o with { WatcherFactory = (_, _) => throw new IOException(Refusal) });
        Assert.Contains("[dev] cannot watch the widget's files (The configured user limit (128) on the number of inotify instances has been reached", host.Output());
        Assert.Contains("checking them every 500 ms instead", host.Output());
        await AssertLiveReloadAsync(host, widget);
    }

    [Fact]
    public async Task When_a_running_watcher_fails_the_host_switches_to_polling()
    {
        using var widget = TempWidget.Copy("card_panel");
        FailingWatcher? made = null;
        await using var host = await RunningHost.StartAsync(widget.Path, watch: true,
            configure: o => o with { WatcherFactory = (path, _) => made = new FailingWatcher(path) });
        Assert.DoesNotContain("cannot watch", host.Output());
        made!.Fail(new IOException("The configured user limit (8192) on the number of inotify watches has been reached."));
        Assert.Contains("cannot watch the widget's files (The configured user limit (8192) on the number of inotify watches has been reached)", host.Output());
        await AssertLiveReloadAsync(host, widget);
    }

    private static async Task AssertLiveReloadAsync(RunningHost host, TempWidget widget)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var stream = await http.GetStreamAsync(host.Address + "/__kommo/events");
        using var reader = new StreamReader(stream);
        Assert.StartsWith("event: hello", await reader.ReadLineAsync());
        // Polling compares sizes and times; a different length is seen whatever the file system's time resolution.
        File.AppendAllText(Path.Combine(widget.Path, "script.js"), "\n// changed while polling\n");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"kind\"", StringComparison.Ordinal))
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                Assert.Equal("reload", data.GetProperty("kind").GetString());
                Assert.Equal(["script.js"], data.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray());
                break;
            }
        }
        using var served = await http.GetAsync(host.Address + "/upl/card_panel/widget/script.js");
        Assert.Contains("changed while polling", await served.Content.ReadAsStringAsync());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in 10 s");
            await Task.Delay(25);
        }
    }

    /// <summary>A real watcher that can be made to report an error, as one whose inotify watch limit is reached does.</summary>
    private sealed class FailingWatcher(string path) : FileSystemWatcher(path)
    {
        public void Fail(Exception error) => OnError(new ErrorEventArgs(error));
    }
}
