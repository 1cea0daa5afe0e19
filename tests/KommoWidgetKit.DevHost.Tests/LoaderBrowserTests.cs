using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Validation;
using Microsoft.Playwright;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>The real-account loop in a real Chromium: a loader archive, run by a second dev host standing in for the account,
/// renders the live widget served over HTTPS by the first; dev settings render the widget in a card with no click.</summary>
/// <remarks>The certificate is trusted the way Chromium trusts a pinned key (<c>--ignore-certificate-errors-spki-list</c>
/// with the SPKI hash of the host's certificate), not by ignoring every certificate error: a page on another certificate
/// still fails. The account page is served at https://acme.kommo.com (Playwright routes that origin to the second host), so
/// the browser sends the same cross-origin requests, with the same CORS checks, as in a real account.</remarks>
public sealed class LoaderBrowserTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Account = "https://acme.kommo.com";

    private static async Task<(IPlaywright, IBrowser)> LaunchTrustingAsync(string spki)
    {
        Assertions.SetDefaultExpectTimeout(15000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--ignore-certificate-errors-spki-list=" + spki],
        });
        return (playwright, browser);
    }

    /// <summary>Serves <see cref="Account"/> from <paramref name="account"/> (the stand-in account), as a proxy would.</summary>
    private static async Task RouteAccountAsync(IBrowserContext context, RunningHost account)
    {
        await context.RouteAsync(Account + "/**", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.AbsolutePath == "/__kommo/events")
            {
                // The stand-in account's own live reload is not what this test is about.
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
                return;
            }
            var headers = route.Request.Headers.Where(h => h.Key is not ("origin" or "referer" or "host")).ToDictionary(h => h.Key, h => h.Value);
            var response = await route.FetchAsync(new RouteFetchOptions { Url = account.Address + url.PathAndQuery, Headers = headers });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });
    }

    [Fact]
    public async Task A_loader_in_a_second_host_renders_the_live_widget_over_https_and_a_saved_change_shows_there()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var live = await RunningHost.StartAsync(widget.Path, watch: true, configure: o => o with { HttpsPort = 0 });
        var spki = SpkiOf(widget.Path);

        // The loader archive, as kommo-widget loader writes it, validates clean (one info: the callbacks are remote).
        var loader = DevLoader.Build(WidgetLoader.Load(widget.Path), live.HttpsAddress!);
        string zip = Path.Combine(widget.Root, "acme_widget.zip");
        WidgetPacker.PackToFile(loader, null, zip);
        var findings = WidgetValidator.Validate(WidgetLoader.Load(zip)).Diagnostics;
        Assert.True(findings.All(d => d.Severity <= Severity.Info), string.Join("\n", findings));

        await using var account = await RunningHost.StartAsync(zip);
        await DevPage.InstallAsync(account);
        var (playwright, browser) = await LaunchTrustingAsync(spki);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await RouteAccountAsync(context, account);
            // What the person clicks when Chrome asks to let the account page reach apps on this device (Local Network Access).
            await context.GrantPermissionsAsync(["local-network-access"], new BrowserContextGrantPermissionsOptions { Origin = Account });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15000);
            var console = new List<string>();
            page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
            await page.GotoAsync(Account + "/leads/detail/30000001");
            await DevPage.WaitReadyAsync(page);

            // The live widget: its relative module, its own template and stylesheet through self.params.path, all from the first host.
            var block = page.Locator(".card-widgets__widget-acme_widget");
            await Assertions.Expect(block.Locator(".card-panel-demo__title")).ToHaveTextAsync("Hello from the panel");
            await Assertions.Expect(block.Locator(".card-panel-demo__lead")).ToHaveTextAsync("[Lead] #30000001");
            await Assertions.Expect(block.Locator(".card-panel-demo__own")).ToHaveTextAsync("own template ok");
            await Assertions.Expect(block.Locator(".card-panel-demo__title")).ToHaveCSSAsync("color", "rgb(1, 2, 3)");
            Assert.Equal(["render@lcard", "init@lcard", "bind_actions@lcard"], await DevPage.CallsAsync(page));
            Assert.Equal(live.HttpsAddress + "/upl/card_panel/widget", await page.EvaluateAsync<string>("() => APP.widgets.list.acme_widget.get_settings().path"));
            await Assertions.Expect(page.Locator(".kommo-widget-loader-notice")).ToHaveCountAsync(0);
            Assert.Contains("https://acme.kommo.com loaded the live widget", live.Output());

            // A saved change reaches the account page: the event stream reloads it, and so would a refresh by hand.
            File.WriteAllText(Path.Combine(widget.Path, "script.js"), File.ReadAllText(Path.Combine(widget.Path, "script.js")).Replace("'Do it'", "'Do it now'"));
            await Assertions.Expect(block.Locator("button.card-panel-demo__button")).ToContainTextAsync("Do it now");
            await page.ReloadAsync();
            await DevPage.WaitReadyAsync(page);
            await Assertions.Expect(block.Locator("button.card-panel-demo__button")).ToContainTextAsync("Do it now");

            // A change only an upload can bring (i18n) makes the loader out of date: said in the page and the terminal.
            var en = Path.Combine(widget.Path, "i18n", "en.json");
            File.WriteAllText(en, File.ReadAllText(en).Replace("Hello from the panel", "Hi from the panel"));
            await Assertions.Expect(page.Locator(".kommo-widget-loader-notice")).ToContainTextAsync("out of date");
            Assert.Contains("[dev] " + Endpoints.LoaderEndpoints.OutOfDate, live.Output());
            output.WriteLine(string.Join("\n", console));
            await context.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_loader_whose_dev_host_is_not_running_says_so_in_the_console_and_on_the_page()
    {
        using var widget = TempWidget.Copy("card_panel");
        // A port nobody listens on: taken and released at once.
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var loader = DevLoader.Build(WidgetLoader.Load(widget.Path), $"https://localhost:{port}");
        string zip = Path.Combine(widget.Root, "acme_widget.zip");
        WidgetPacker.PackToFile(loader, null, zip);
        await using var account = await RunningHost.StartAsync(zip);
        await DevPage.InstallAsync(account);
        var (playwright, browser) = await LaunchTrustingAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        try
        {
            var context = await browser.NewContextAsync();
            await RouteAccountAsync(context, account);
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync(Account + "/leads/detail/30000001");
            await Assertions.Expect(page.Locator(".kommo-widget-loader-notice")).ToContainTextAsync($"the dev host at https://localhost:{port} does not answer");
            await Assertions.Expect(page.Locator(".kommo-widget-loader-notice")).ToContainTextAsync($"kommo-widget dev --https-port {port}");
            Assert.Contains(errors, e => e.Contains("kommo-widget loader: the dev host", StringComparison.Ordinal));
            await context.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static string SpkiOf(string widgetFolder)
    {
        var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(widgetFolder, ".kommo", "dev-https.crt")));
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo()));
    }
}
