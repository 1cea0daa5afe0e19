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
        Log = log;
    }

    public string Address { get; }

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
