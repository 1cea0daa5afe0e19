using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using KommoWidgetKit.DevHost;
using Microsoft.Playwright;

namespace KommoWidgetKit.LiveReloadBench;

/// <summary>
/// Save → re-run in the page, measured: the dev host on a temp copy of tests/fixtures/devhost/card_panel, the lead card in
/// headless Chromium, then N script.js saves (the widget re-runs in place) and N style.css saves (the stylesheet is swapped).
/// The time runs from just before the file write to the moment the runtime counts the re-run (<c>__kommoDev.reloads</c>) or
/// the swapped stylesheet (<c>__kommoDev.cssSwaps</c>), stamped in the page on the same clock as the write.
/// </summary>
public static class Program
{
    private const string Fixture = "card_panel";

    private const int Warmup = 3;

    /// <summary>In the page: stamp (epoch ms, sub-ms) the moment the runtime bumps its reload and stylesheet counters.</summary>
    private const string StampCounters = """
        () => {
          const dev = window.__kommoDev;
          window.__benchAt = {};
          for (const name of ['reloads', 'cssSwaps']) {
            let value = dev[name] || 0;
            Object.defineProperty(dev, name, {
              configurable: true,
              get: () => value,
              set: (v) => { value = v; window.__benchAt[name] = performance.timeOrigin + performance.now(); },
            });
          }
        }
        """;

    public static async Task<int> Main(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        string chromium = Environment.GetEnvironmentVariable("KOMMO_CHROMIUM") ?? "/usr/bin/chromium";
        string root = Directory.CreateTempSubdirectory("kommo-livereload-").FullName;
        try
        {
            string widget = Path.Combine(root, Fixture);
            CopyFixture(widget);
            var app = DevHostServer.Build(new DevHostOptions { WidgetPath = widget, Port = 0, Watch = true, Log = Environment.GetEnvironmentVariable("KOMMO_BENCH_LOG") == "1" ? Console.Error : TextWriter.Null });
            await app.StartAsync();
            try
            {
                string address = DevHostServer.ListeningAddress(app);
                using (var http = new HttpClient())
                {
                    using var installed = await http.PostAsJsonAsync(address + "/__kommo/api/settings", new { active = "Y", fields = new { } });
                    installed.EnsureSuccessStatusCode();
                }
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"],
                });
                var page = await browser.NewPageAsync();
                page.SetDefaultTimeout(15000);
                await page.GotoAsync(address + "/leads/detail/30000001");
                await page.WaitForFunctionAsync("() => window.__kommoDev && window.__kommoDev.ready === true");
                await page.EvaluateAsync(StampCounters);

                string script = Path.Combine(widget, "script.js");
                string scriptText = await File.ReadAllTextAsync(script);
                var scripts = await MeasureAsync(page, "reloads", runs, i => File.WriteAllText(script, scriptText + $"\n/* live-reload bench {i} */\n"));

                string css = Path.Combine(widget, "style.css");
                string cssText = await File.ReadAllTextAsync(css);
                var styles = await MeasureAsync(page, "cssSwaps", runs,
                    i => File.WriteAllText(css, cssText.Replace("rgb(1, 2, 3)", $"rgb({10 + (i % 240)}, 2, 3)", StringComparison.Ordinal)));
                if (await page.EvaluateAsync<bool>("() => window.__kommoDev.reloads !== " + (runs + Warmup)))
                {
                    throw new InvalidOperationException("a stylesheet change re-ran the widget");
                }

                Console.WriteLine($"dev host live reload, {runs} saves each after {Warmup} warm-up saves ({Environment.ProcessorCount} cores)");
                Console.WriteLine("what                                   min   median      p90      max  (ms)");
                Print("script.js save -> widget re-run", scripts.Page);
                Print("  seen by the bench (CDP poll)", scripts.Observed);
                Print("  runtime re-run alone", scripts.Runtime);
                Print("style.css save -> stylesheet swapped", styles.Page);
                Print("  seen by the bench (CDP poll)", styles.Observed);
                return 0;
            }
            finally
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await app.StopAsync(cts.Token);
                await app.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS temp cleaner.
            }
        }
    }

    private sealed record Samples(List<double> Page, List<double> Observed, List<double> Runtime);

    /// <summary>Writes, waits for <c>__kommoDev[counter]</c> to move, and keeps the times of the last <paramref name="runs"/> saves.</summary>
    private static async Task<Samples> MeasureAsync(IPage page, string counter, int runs, Action<int> write)
    {
        var samples = new Samples([], [], []);
        for (int i = 1; i <= Warmup + runs; i++)
        {
            int before = await page.EvaluateAsync<int>($"() => window.__kommoDev.{counter} || 0");
            var clock = Stopwatch.StartNew();
            double writtenAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            write(i);
            try
            {
                await page.WaitForFunctionAsync($"n => (window.__kommoDev.{counter} || 0) > n && window.__kommoDev.ready === true", before,
                    new PageWaitForFunctionOptions { PollingInterval = 1 });
            }
            catch (TimeoutException)
            {
                string state = await page.EvaluateAsync<string>(
                    "() => JSON.stringify({ reloads: window.__kommoDev.reloads, cssSwaps: window.__kommoDev.cssSwaps, ready: window.__kommoDev.ready, " +
                    "reason: window.__kommoDev.lastReloadReason, problems: window.__kommoDev.problems })");
                throw new TimeoutException($"save {i}: {counter} did not move past {before}; page: {state}");
            }
            double observed = clock.Elapsed.TotalMilliseconds;
            double doneAt = await page.EvaluateAsync<double>($"() => window.__benchAt.{counter}");
            double runtime = await page.EvaluateAsync<double>("() => window.__kommoDev.lastReloadMs || 0");
            if (i > Warmup)
            {
                samples.Page.Add(doneAt - writtenAt);
                samples.Observed.Add(observed);
                samples.Runtime.Add(runtime);
            }
            // Let the watcher's quiet period and the page settle before the next save.
            await Task.Delay(150);
        }
        return samples;
    }

    private static void Print(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-36} {sorted[0],6:F1} {median,8:F1} {Rank(0.9),8:F1} {sorted[^1],8:F1}"));
    }

    private static void CopyFixture(string target)
    {
        string fixtures = FixturesRoot();
        CopyDirectory(Path.Combine(fixtures, Fixture), target);
        CopyDirectory(Path.Combine(fixtures, "_images"), Path.Combine(target, "images"));
    }

    private static string FixturesRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "devhost");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/fixtures/devhost not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (string dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
