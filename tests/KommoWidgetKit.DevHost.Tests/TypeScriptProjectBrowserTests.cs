using KommoWidgetKit.Building;
using KommoWidgetKit.Tests.Support;
using Microsoft.Playwright;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>A <c>new --template ts</c> project, installed with a real <c>npm install</c> (once for the class) and built
/// with esbuild, run by the dev host in Chromium: it boots in the lead card, errors in the page point into src/, a
/// bundled UMD library works beside Kommo's RequireJS, and saving a source rebuilds and re-runs the widget.</summary>
public sealed class TypeScriptProjectBrowserTests(BrowserFixture fixture, NodeWorkspace workspace, Xunit.Abstractions.ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NodeWorkspace>
{
    private const string Greeting = "Hello! This block is drawn by your widget.";

    private async Task<IPage> OpenAsync(RunningHost host, string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(20000);
        await page.GotoAsync(host.Address + path);
        await DevPage.WaitReadyAsync(page);
        return page;
    }

    private static void Edit(string file, string from, string to)
    {
        string text = File.ReadAllText(file);
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to));
    }

    private static int LineOf(string file, string text) => Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [SkippableFact]
    public async Task The_built_widget_validates_clean_and_boots_in_the_lead_card_with_its_block()
    {
        workspace.Require();
        string project = workspace.NewProject("ts-card");
        await using var host = await RunningHost.StartAsync(project);
        output.WriteLine(host.Output());
        Assert.Contains("[dev] built dist/ from src/index.ts", host.Output());
        Assert.Contains("[dev] widget is valid", host.Output());
        await DevPage.InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");

        var block = page.Locator(".card-widgets__widget-ts_card");
        await Assertions.Expect(block.Locator(".ts_card-widget__text")).ToHaveTextAsync(Greeting);
        Assert.Equal(["render@lcard", "init@lcard", "bind_actions@lcard"], await DevPage.CallsAsync(page));
        Assert.Empty(await DevPage.ProblemsAsync(page));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__kommoDev.diagnostics.length"));
        // init loaded style.css the documented way, from the built widget's files.
        await Assertions.Expect(block.Locator(".ts_card-widget")).ToHaveCSSAsync("padding-top", "8px");
        // The settings modal runs the same constructor.
        await page.GotoAsync(host.Address + "/settings/widgets/#ts_card");
        await DevPage.WaitReadyAsync(page);
        Assert.Contains("settings@settings", await DevPage.CallsAsync(page));
        Assert.Empty(await DevPage.ProblemsAsync(page));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_runtime_error_thrown_in_src_shows_in_the_overlay_and_the_terminal_at_its_ts_file_and_line()
    {
        workspace.Require();
        string project = workspace.NewProject("ts-throw");
        string index = Path.Combine(project, "src", "index.ts");
        File.WriteAllText(Path.Combine(project, "src", "fail.ts"), "export function fail(what: string): never {\n  throw new Error(`boom from ${what}`);\n}\n");
        Edit(index, "import $ from 'jquery';", "import $ from 'jquery';\nimport { fail } from './fail';");
        Edit(index, "    init() {\n      loadStyles();", "    init() {\n      loadStyles();\n      fail('init');");
        Edit(index, "    bind_actions() {", "    bind_actions() {\n      console.error('bind_actions logged a problem');\n      setTimeout(() => {\n        throw new Error('thrown later');\n      }, 0);");
        int consoleLine = LineOf(index, "console.error('bind_actions logged a problem')");
        int uncaughtLine = LineOf(index, "throw new Error('thrown later');");
        Assert.True(WidgetBuilder.Build(WidgetProject.Find(project)!).Succeeded);

        await using var host = await RunningHost.StartAsync(project);
        await DevPage.InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");

        // The page reports the place in script.js; the host answers with the place in src/, which replaces it.
        await page.WaitForFunctionAsync("() => window.__kommoDev.problems.filter(p => p.file && p.file.indexOf('src/') === 0).length >= 3");
        var problems = await DevPage.ProblemsAsync(page);
        output.WriteLine(string.Join("\n", problems));
        Assert.Contains(problems, p => p.StartsWith("error src/fail.ts:2 init threw Error: boom from init", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"error src/index.ts:{consoleLine} console.error: bind_actions logged a problem", StringComparison.Ordinal));
        // An uncaught exception: the page's error event names script.js, the host maps it.
        Assert.Contains(problems, p => p.StartsWith($"error src/index.ts:{uncaughtLine} Uncaught Error: thrown later", StringComparison.Ordinal));
        var overlay = page.Locator("#kommo-dev-overlay");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToContainTextAsync("src/fail.ts:2:9");
        await Assertions.Expect(overlay).ToContainTextAsync($"src/index.ts:{consoleLine}:15");
        await Assertions.Expect(overlay).ToContainTextAsync("built script.js:");
        Assert.Contains("[browser] [lcard] src/fail.ts:2:9: error: init threw Error: boom from init", host.Output());
        Assert.Contains($"[browser] [lcard] src/index.ts:{consoleLine}:15: error: console.error: bind_actions logged a problem (built script.js:", host.Output());
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_bundled_umd_library_works_beside_kommo_requirejs_define()
    {
        workspace.Require();
        string project = workspace.NewProject("ts-umd");
        Directory.CreateDirectory(Path.Combine(project, "src", "vendor"));
        // A UMD library as npm packages ship them: AMD first (which would register an anonymous module with Kommo's
        // RequireJS, a "Mismatched anonymous define()" error), then CommonJS, then a global.
        File.WriteAllText(Path.Combine(project, "src", "vendor", "shout.js"), """
            (function (root, factory) {
              if (typeof define === 'function' && define.amd) {
                define([], function () { var lib = factory(); lib.branch = 'amd'; return lib; });
              } else if (typeof module === 'object' && module.exports) {
                module.exports = factory();
                module.exports.branch = 'commonjs';
              } else {
                root.shout = factory();
                root.shout.branch = 'global';
              }
            }(typeof self !== 'undefined' ? self : this, function () {
              return function shout(text) { return String(text).toUpperCase() + '!'; };
            }));

            """);
        File.WriteAllText(Path.Combine(project, "src", "vendor", "shout.d.ts"), "declare const shout: { (text: string): string; branch: string };\nexport = shout;\n");
        string index = Path.Combine(project, "src", "index.ts");
        Edit(index, "import $ from 'jquery';", "import $ from 'jquery';\nimport shout from './vendor/shout';");
        Edit(index, "        renderPanel();", "        renderPanel({ text: `${shout('bundled')} ${shout.branch}` });");

        await using var host = await RunningHost.StartAsync(project);
        await DevPage.InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        await Assertions.Expect(page.Locator(".card-widgets__widget-ts_umd .ts_umd-widget__text")).ToHaveTextAsync("BUNDLED! commonjs");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof define === 'function' && !!define.amd && typeof requirejs === 'function'"));
        Assert.Empty(await DevPage.ProblemsAsync(page));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Saving_a_source_rebuilds_and_re_runs_the_widget_and_build_errors_show_in_the_overlay()
    {
        workspace.Require();
        string project = workspace.NewProject("ts-live");
        await using var host = await RunningHost.StartAsync(project, watch: true);
        await DevPage.InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        var text = page.Locator(".card-widgets__widget-ts_live .ts_live-widget__text");
        await Assertions.Expect(text).ToHaveTextAsync(Greeting);

        string index = Path.Combine(project, "src", "index.ts");
        string original = File.ReadAllText(index);
        Edit(index, "        renderPanel();", "        renderPanel({ text: 'rebuilt from TypeScript' });");
        await Assertions.Expect(text).ToHaveTextAsync("rebuilt from TypeScript");
        Assert.True(await page.EvaluateAsync<int>("() => window.__kommoDev.reloads") >= 1);
        Assert.Contains("[dev] source changed: src/index.ts → building", host.Output());

        // A syntax error: the page keeps the last build and shows the error where it is.
        File.WriteAllText(index, File.ReadAllText(index).Replace("const self = this;", "const self = this;\n  const broken value = 1;"));
        int line = LineOf(index, "const broken value = 1;");
        await page.WaitForFunctionAsync("() => window.__kommoDev.diagnostics.some(d => d.id === 'build' && d.path === 'src/index.ts')");
        var overlay = page.Locator("#kommo-dev-overlay");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToContainTextAsync($"src/index.ts:{line}:16");
        await Assertions.Expect(overlay).ToContainTextAsync("build failed: Expected \";\" but found \"value\"");
        await Assertions.Expect(text).ToHaveTextAsync("rebuilt from TypeScript");
        Assert.Contains($"src/index.ts:{line}:16: error: Expected \";\" but found \"value\"", host.Output());

        // Fixed: the error goes, and the widget runs the new code.
        File.WriteAllText(index, original.Replace("        renderPanel();", "        renderPanel({ text: 'fixed' });"));
        await Assertions.Expect(text).ToHaveTextAsync("fixed");
        await page.WaitForFunctionAsync("() => window.__kommoDev.diagnostics.length === 0");

        // A static file: widget/ is copied again, and the widget re-runs with it.
        string en = Path.Combine(project, "widget", "i18n", "en.json");
        Edit(en, "Edit templates/block.twig", "Changed templates/block.twig");
        Edit(index, "renderPanel({ text: 'fixed' });", "renderPanel();");
        await Assertions.Expect(text).ToHaveTextAsync(Greeting);
        await Assertions.Expect(page.Locator(".card-widgets__widget-ts_live .ts_live-widget__details")).ToContainTextAsync("Changed templates/block.twig");
        Assert.Empty(await DevPage.ProblemsAsync(page));
        await page.CloseAsync();
    }
}
