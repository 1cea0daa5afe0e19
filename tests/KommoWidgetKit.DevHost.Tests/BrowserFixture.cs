using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>One headless Debian Chromium shared by the browser tests of a class (Playwright's own download does not work here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("KOMMO_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        // The machine has 2 shared cores: give expectations room when builds or other tests run beside them.
        Assertions.SetDefaultExpectTimeout(15000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>A dev host on a real Kestrel port (127.0.0.1:0) for one widget, stopped on dispose.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly TextWriter _writer;

    private RunningHost(WebApplication app, string address, StringWriter log, TextWriter writer)
    {
        _app = app;
        _writer = writer;
        Address = address;
        HttpsAddress = DevHostServer.HttpsAddress(app);
        Log = log;
    }

    public string Address { get; }

    /// <summary>https://localhost:PORT when the host was started with an HTTPS port.</summary>
    public string? HttpsAddress { get; }

    public StringWriter Log { get; }

    public static async Task<RunningHost> StartAsync(string widgetPath, bool watch = false, Func<DevHostOptions, DevHostOptions>? configure = null)
    {
        var log = new StringWriter();
        var writer = TextWriter.Synchronized(log);
        var options = new DevHostOptions { WidgetPath = widgetPath, Port = 0, Log = writer, Watch = watch };
        var app = DevHostServer.Build(configure is null ? options : configure(options));
        await app.StartAsync();
        return new RunningHost(app, DevHostServer.ListeningAddress(app), log, writer);
    }

    /// <summary>What the host printed so far (the synchronized writer locks on itself).</summary>
    public string Output()
    {
        lock (_writer)
        {
            return Log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>What the browser tests do with a page of the dev host: install the widget, wait for the lifecycle, read the logs.</summary>
internal static class DevPage
{
    /// <summary>Installs the widget (active, with these setting values) through the host's settings API.</summary>
    public static async Task InstallAsync(RunningHost host, object? fields = null)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(host.Address + "/__kommo/api/settings", new { active = "Y", fields = fields ?? new { } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until the page ran the widget's lifecycle (<c>window.__kommoDev.ready</c>).</summary>
    public static Task WaitReadyAsync(IPage page, float? timeout = null) =>
        page.WaitForFunctionAsync("() => window.__kommoDev && window.__kommoDev.ready === true", null,
            timeout is null ? null : new PageWaitForFunctionOptions { Timeout = timeout });

    /// <summary>The callbacks called so far, as <c>name@area</c>.</summary>
    public static async Task<string[]> CallsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__kommoDev.calls.map(c => c.name + '@' + c.area)");

    /// <summary>The problems seen so far, as <c>level file:line message</c>.</summary>
    public static async Task<string[]> ProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__kommoDev.problems.map(p => p.level + ' ' + (p.file || '') + (p.line ? ':' + p.line : '') + ' ' + p.message)");
}
