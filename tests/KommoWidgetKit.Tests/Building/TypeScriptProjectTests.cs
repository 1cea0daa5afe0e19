using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Building;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Scaffolding;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Building;

/// <summary><c>new --template ts</c>, a real <c>npm install</c> (once for the class), <c>build</c>, <c>validate</c> and
/// <c>pack</c> on the project: the output validates clean, errors name the .ts file and line, the declarations compile.</summary>
public sealed class TypeScriptProjectTests(NodeWorkspace workspace, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<NodeWorkspace>
{
    private static void AssertClean(string folder, WidgetProfile profile)
    {
        var widget = WidgetLoader.Load(folder);
        var result = WidgetValidator.Validate(widget, new ValidationOptions { Profile = profile });
        Assert.True(result.Diagnostics.Count == 0,
            $"{profile}: " + string.Join("\n", result.Diagnostics.Select(d => $"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}")));
    }

    [SkippableFact]
    public void Scaffold_build_typecheck_validate_and_pack()
    {
        workspace.Require();
        output.WriteLine($"npm install: {workspace.InstallTime.TotalSeconds:0.0} s");
        var (code, stdout, stderr) = CliFixture.Run("new", "hello-kommo", "--template", "ts", "-o", Path.Combine(workspace.Root, "hello-kommo"));
        Assert.True(code == 0, stderr);
        string project = Path.Combine(workspace.Root, "hello-kommo");
        Assert.Contains("src/index.ts", stdout);
        Assert.Contains("types/kommo.d.ts", stdout);
        Assert.Contains("widget/manifest.json", stdout);

        // Not built yet: validate says what to do.
        var notBuilt = CliFixture.Run("validate", project);
        Assert.Contains("run 'kommo-widget build", notBuilt.AssertUsageError("validate"));

        var clock = Stopwatch.StartNew();
        var build = CliFixture.Run("build", project, "--typecheck", "--profile", "public");
        output.WriteLine($"build --typecheck: {clock.ElapsedMilliseconds} ms\n{build}");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("built dist/", build.Out);
        Assert.Contains("✔ no problems", build.Out);

        string dist = Path.Combine(project, "dist");
        AssertClean(dist, WidgetProfile.Private);
        AssertClean(dist, WidgetProfile.Public);
        string script = File.ReadAllText(Path.Combine(dist, "script.js"));
        Assert.StartsWith("// Built by kommo-widget build from src/index.ts", script);
        Assert.Contains("define([\"require\", \"jquery\"], function (__kommo_require, __kommo_dep0) {", script);
        Assert.Contains("var define = undefined, module = undefined, exports = undefined;", script);
        Assert.EndsWith("//# sourceMappingURL=script.js.map\n", script);
        // Readable, not minified: the author's names and comments-free but formatted code are there.
        Assert.Contains("function loadStyles() {", script);
        Assert.Contains("renderPanel();", script);
        Assert.True(File.Exists(Path.Combine(dist, "script.js.map")));
        foreach (var copied in new[] { "manifest.json", "i18n/en.json", "images/logo.png", "templates/block.twig", "style.css", "kommo-widget.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(project, "widget", copied)), File.ReadAllBytes(Path.Combine(dist, copied)));

        // The map leads back to the sources.
        var map = SourceMap.Parse(File.ReadAllBytes(Path.Combine(dist, "script.js.map")));
        Assert.Contains("../src/index.ts", map.Sources);
        int line = Array.FindIndex(script.Split('\n'), l => l.Contains("function loadStyles() {")) + 1;
        var at = map.Find(line, script.Split('\n')[line - 1].IndexOf("function", StringComparison.Ordinal) + 1);
        Assert.NotNull(at);
        Assert.Equal("../src/index.ts", at.Source);
        Assert.Contains("function loadStyles(): void {", File.ReadAllLines(Path.Combine(project, "src", "index.ts"))[at.Line - 1]);

        // A second build changes nothing on disk.
        var again = CliFixture.Run("build", project);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("unchanged", again.Out);

        // validate on the project checks dist/; pack builds and packs it, without the map.
        var validate = CliFixture.Run("validate", project, "--profile", "public");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        string zip = Path.Combine(workspace.Root, "hello.zip");
        var pack = CliFixture.Run("pack", project, "-o", zip, "--bump", "patch");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Contains("bumped widget.version 1.0.0 -> 1.0.1", pack.Out);
        using (var archive = ZipFile.OpenRead(zip))
        {
            var names = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("script.js", names);
            Assert.Contains("manifest.json", names);
            Assert.DoesNotContain("script.js.map", names);
            Assert.DoesNotContain("kommo-widget.json", names);
            Assert.DoesNotContain(names, n => n.StartsWith("widget/", StringComparison.Ordinal) || n.StartsWith("src/", StringComparison.Ordinal));
        }
        // loader on the project takes widget/ (no build needed) and records the same upload hash as for dist/, which dev serves.
        var loaderFromProject = CliFixture.Run("loader", project, "-o", Path.Combine(workspace.Root, "loader-project.zip"));
        var loaderFromDist = CliFixture.Run("loader", dist, "-o", Path.Combine(workspace.Root, "loader-dist.zip"));
        Assert.True(loaderFromProject.ExitCode == 0, loaderFromProject.ToString());
        Assert.True(loaderFromDist.ExitCode == 0, loaderFromDist.ToString());
        string UploadHash(CliRun run) => run.Out.Split('\n').Single(l => l.StartsWith("upload hash ", StringComparison.Ordinal)).Split(' ')[2];
        Assert.Equal(UploadHash(loaderFromDist), UploadHash(loaderFromProject));

        // The source manifest was bumped, and the built copy with it.
        Assert.Contains("\"version\": \"1.0.1\"", File.ReadAllText(Path.Combine(project, "widget", "manifest.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(project, "widget", "manifest.json")), File.ReadAllBytes(Path.Combine(dist, "manifest.json")));
    }

    [SkippableFact]
    public void A_syntax_error_fails_the_build_naming_the_file_line_and_column_and_writes_nothing()
    {
        workspace.Require();
        string project = workspace.NewProject("syntax-error");
        var first = CliFixture.Run("build", project);
        Assert.True(first.ExitCode == 0, first.ToString());
        byte[] before = File.ReadAllBytes(Path.Combine(project, "dist", "script.js"));

        string index = Path.Combine(project, "src", "index.ts");
        var lines = File.ReadAllLines(index).ToList();
        int at = lines.FindIndex(l => l.Contains("const self = this;"));
        lines.Insert(at + 1, "  const broken value = 1;");
        File.WriteAllLines(index, lines);
        var failed = CliFixture.Run("build", project);
        Assert.Equal(ExitCodes.Findings, failed.ExitCode);
        var first_line = failed.Error.Split('\n')[0];
        Assert.Equal($"src/index.ts:{at + 2}:16: error: Expected \";\" but found \"value\"", first_line);
        Assert.Contains("  const broken value = 1;", failed.Error);
        Assert.Contains("build failed: 1 error; nothing was written to dist/", failed.Error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(project, "dist", "script.js")));

        // A second file: the error names it.
        lines.RemoveAt(at + 1);
        File.WriteAllLines(index, lines);
        File.WriteAllText(Path.Combine(project, "src", "util.ts"), "export function twice(n: number): number {\n  return n * ;\n}\n");
        File.WriteAllText(index, "import { twice } from './util';\n" + File.ReadAllText(index).Replace("return this;\n}", "void twice(1);\n  return this;\n}"));
        failed = CliFixture.Run("build", project);
        Assert.Equal(ExitCodes.Findings, failed.ExitCode);
        Assert.StartsWith("src/util.ts:2:14: error: Unexpected \";\"", failed.Error);
    }

    [SkippableFact]
    public void Typecheck_reports_type_errors_as_tsc_does_and_fails()
    {
        workspace.Require();
        string project = workspace.NewProject("type-error");
        string index = Path.Combine(project, "src", "index.ts");
        var lines = File.ReadAllLines(index).ToList();
        int at = lines.FindIndex(l => l.Contains("const self = this;"));
        lines.Insert(at + 1, "  const count: number = self.get_version();");
        File.WriteAllLines(index, lines);

        // esbuild alone does not check types: the build passes.
        Assert.Equal(0, CliFixture.Run("build", project).ExitCode);
        var failed = CliFixture.Run("build", project, "--typecheck");
        Assert.Equal(ExitCodes.Findings, failed.ExitCode);
        Assert.StartsWith($"src/index.ts:{at + 2}:9: error TS2322: Type 'string' is not assignable to type 'number'.", failed.Error);

        // A misspelt host API member is a type error too.
        lines[at + 1] = "  self.render_templat({ body: '' });";
        File.WriteAllLines(index, lines);
        failed = CliFixture.Run("build", project, "--typecheck");
        Assert.Equal(ExitCodes.Findings, failed.ExitCode);
        Assert.Contains("error TS2551: Property 'render_templat' does not exist on type 'Widget<{}>'. Did you mean 'render_template'?", failed.Error);
    }

    private static readonly string[] LocationSets =
    [
        "lcard-1,settings",
        "lcard-1,ccard-1,comcard-0,settings",
        "llist-1,clist-0,tlist-1,settings",
        "settings,advanced_settings",
        "digital_pipeline,settings",
        "salesbot_designer,settings",
        "lcard-0,card_sdk,settings",
        "catalogs,lead_sources,settings",
        "sms,mobile_card,settings",
        "everywhere,website_chat_button,ai_agent",
    ];

    [SkippableFact]
    public void Every_location_family_builds_clean_and_type_checks_against_the_declarations()
    {
        workspace.Require();
        var sets = LocationSets;
        var settings = new[] { "", "api_key:text:required;secret:pass", "agents:users;logins:users_lp", "config:custom:required", "token:text:required", "", "", "", "", "" };
        var projects = new List<string>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < sets.Length; i++)
        {
            string name = "family-" + i;
            var options = new ScaffoldOptions
            {
                Name = name,
                Locales = i % 2 == 0 ? ["en"] : ["en", "es", "pt"],
                Locations = sets[i].Split(','),
                Settings = settings[i].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ScaffoldSetting.Parse).ToList(),
            };
            string project = workspace.NewProject(name, options);
            projects.Add(project);
            var result = WidgetBuilder.Build(WidgetProject.Find(project)!);
            Assert.True(result.Succeeded, sets[i] + "\n" + string.Join("\n", result.Messages));
            Assert.Empty(result.Messages);
            AssertClean(Path.Combine(project, "dist"), WidgetProfile.Private);
            AssertClean(Path.Combine(project, "dist"), WidgetProfile.Public);
        }
        // The left-menu page is public only.
        string menu = workspace.NewProject("family-menu", new ScaffoldOptions { Name = "family-menu", Locations = ["widget_page", "settings"] });
        projects.Add(menu);
        Assert.True(WidgetBuilder.Build(WidgetProject.Find(menu)!).Succeeded);
        AssertClean(Path.Combine(menu, "dist"), WidgetProfile.Public);
        output.WriteLine($"{projects.Count} builds: {clock.ElapsedMilliseconds} ms");

        // One tsc run over every scaffold's src/ against one copy of the declarations (they are the same file in each).
        clock.Restart();
        File.WriteAllText(Path.Combine(workspace.Root, "tsconfig.all.json"),
            File.ReadAllText(Path.Combine(projects[0], "tsconfig.json"))
                .Replace("\"include\": [\"src\", \"types\"]", "\"include\": [" + string.Join(", ", projects.Select(p => $"\"{Path.GetFileName(p)}/src\"")) + $", \"{Path.GetFileName(projects[0])}/types\"]"));
        foreach (var p in projects)
            Assert.Equal(File.ReadAllText(Path.Combine(projects[0], "types", "kommo.d.ts")), File.ReadAllText(Path.Combine(p, "types", "kommo.d.ts")));
        var tsc = RunTsc(Path.Combine(workspace.Root, "tsconfig.all.json"));
        output.WriteLine($"tsc over {projects.Count} projects: {clock.ElapsedMilliseconds} ms");
        Assert.True(tsc.ExitCode == 0, tsc.Output);
    }

    [SkippableFact]
    public void The_declarations_compile_on_their_own_with_the_strictest_settings()
    {
        workspace.Require();
        string project = workspace.NewProject("strictest");
        // Code that uses much of the declared API, so that the declarations are exercised beyond the scaffold.
        File.WriteAllText(Path.Combine(project, "src", "usage.ts"), """
            import $ from 'jquery';
            import _ from 'underscore';
            import moment from 'moment';
            import twig from 'twigjs';
            import Modal from 'lib/components/base/modal';
            import source from 'text!./templates/block.twig';

            export function use(self: Kommo.Widget<{ api_key?: string; agents?: Kommo.UsersSetting }>): string {
              const key: string | undefined = self.get_settings().api_key;
              const area: Kommo.Area = self.system().area;
              const html: string = self.render({ ref: '/tmpl/controls/button.twig' }, { text: 'Go' });
              self.render({ href: '/templates/block.twig', base_path: self.params.path, load: (t) => $('body').append(t.render({})) });
              self.crm_post('https://example.com', { a: 1 }, (data) => console.log(data), 'json');
              self.$authorizedAjax({ url: '/x', type: 'POST' }).done(() => undefined).fail(() => undefined);
              const modal = new Modal({ class_name: 'modal-window', init: ($body) => { $body.trigger('modal:loaded').html(html).trigger('modal:centrify'); } });
              modal.destroy();
              APP.notifications.show_message({ header: 'h', text: 't' });
              const user = AMOCRM.constant('user');
              const card = APP.data.current_card;
              const id = card ? card.id : 0;
              const ids = _.map([1, 2], (n) => n * 2);
              const when = moment().add(1, 'day').format('YYYY-MM-DD');
              const template = twig({ data: source });
              require(['text!' + self.params.path + '/templates/block.twig'], (text: string) => { void text; });
              return [key, area, user.name, id, ids.join(','), when, template.render({ a: 1 }), self.list_selected().summary.items].join(' ');
            }

            """.Replace("\r\n", "\n"));
        string tsconfig = Path.Combine(project, "tsconfig.json");
        File.WriteAllText(tsconfig, File.ReadAllText(tsconfig).Replace("\"strict\": true,", "\"strict\": true,\n    \"noUnusedLocals\": true,\n    \"noUnusedParameters\": true,\n    \"noImplicitReturns\": true,\n    \"exactOptionalPropertyTypes\": true,\n    \"noUncheckedIndexedAccess\": true,"));
        var tsc = RunTsc(tsconfig);
        Assert.True(tsc.ExitCode == 0, tsc.Output);
        var build = CliFixture.Run("build", project, "--typecheck");
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [SkippableFact]
    public void A_bundled_umd_library_is_bundled_and_kommo_modules_become_amd_dependencies()
    {
        workspace.Require();
        string project = workspace.NewProject("umd-lib");
        Directory.CreateDirectory(Path.Combine(project, "src", "vendor"));
        File.WriteAllText(Path.Combine(project, "src", "vendor", "shout.js"), UmdLibrary);
        File.WriteAllText(Path.Combine(project, "src", "vendor", "shout.d.ts"), "declare const shout: { (text: string): string; branch: string };\nexport = shout;\n");
        string index = Path.Combine(project, "src", "index.ts");
        File.WriteAllText(index, "import shout from './vendor/shout';\nimport Modal from 'lib/components/base/modal';\nimport moment from 'moment';\n" +
            File.ReadAllText(index).Replace("return this;\n}", "void [shout('x'), Modal, moment];\n  return this;\n}"));
        var build = CliFixture.Run("build", project, "--typecheck", "--profile", "public");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("✔ no problems", build.Out);
        string script = File.ReadAllText(Path.Combine(project, "dist", "script.js"));
        Assert.Contains("define([\"require\", \"lib/components/base/modal\", \"moment\", \"jquery\"], function (__kommo_require, __kommo_dep0, __kommo_dep1, __kommo_dep2) {", script);
        Assert.Contains("root.shout = factory();", script);
        Assert.Contains("AMD dependencies lib/components/base/modal, moment, jquery", build.Out);
    }

    [SkippableFact]
    public void Findings_in_the_bundle_are_reported_at_their_place_in_src_and_static_files_in_widget()
    {
        workspace.Require();
        string project = workspace.NewProject("findings");
        string index = Path.Combine(project, "src", "index.ts");
        var lines = File.ReadAllLines(index).ToList();
        int at = lines.FindIndex(l => l.Contains("const self = this;"));
        lines.Insert(at + 1, "  eval('1 + 1');");
        File.WriteAllLines(index, lines);
        string manifest = Path.Combine(project, "widget", "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"support\"", "\"suport\""));
        var build = CliFixture.Run("build", project, "--profile", "public", "--fail-on", "warning");
        Assert.Equal(ExitCodes.Findings, build.ExitCode);
        string shown = project.Replace('\\', '/');
        var reported = build.Out.Split('\n');
        Assert.Contains(reported, l => l.StartsWith($"{shown}/src/index.ts:{at + 2}:3: warning KW2010: eval(...)", StringComparison.Ordinal));
        Assert.Contains(reported, l => l.StartsWith($"{shown}/widget/manifest.json:", StringComparison.Ordinal) && l.Contains("KW1012", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, l => l.Contains("dist/script.js", StringComparison.Ordinal) || l.Contains("dist/manifest.json", StringComparison.Ordinal));
        // esbuild's own warning, as a build message.
        Assert.Contains($"src/index.ts:{at + 2}:3: warning: Using direct eval with a bundler is not recommended", build.Error);
    }

    [SkippableFact]
    public async Task Watch_rebuilds_on_save_and_reports_errors_until_fixed()
    {
        workspace.Require();
        string project = workspace.NewProject("watching");
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = CliApp.RunAsync(["build", project, "--watch"], stdout, stderr, cts.Token);
        await WaitFor(() => stdout.Text.Contains("[watch] watching"), stdout, stderr);
        string index = Path.Combine(project, "src", "index.ts");
        string original = File.ReadAllText(index);
        File.WriteAllText(index, original.Replace("const self = this;", "const self = this;\n  const broken value = 1;"));
        await WaitFor(() => stderr.Text.Contains("error: Expected \";\" but found \"value\""), stdout, stderr);
        Assert.Contains("[watch] changed: src/index.ts", stdout.Text);
        File.WriteAllText(index, original.Replace("return true;", "return 1 > 0;"));
        await WaitFor(() => File.ReadAllText(Path.Combine(project, "dist", "script.js")).Contains("return 1 > 0;"), stdout, stderr);
        await cts.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("[watch] stopped", stdout.Text);
    }

    [SkippableFact]
    public void Without_esbuild_the_build_says_to_run_npm_install()
    {
        workspace.Require();
        // A project outside the workspace, so Node finds no node_modules above it.
        using var tmp = new TempFolder();
        WidgetScaffolder.Write(new ScaffoldOptions { Name = "bare", Template = ScaffoldTemplate.Ts }, tmp.Combine("bare"));
        var build = CliFixture.Run("build", tmp.Combine("bare"));
        Assert.Equal(ExitCodes.UsageError, build.ExitCode);
        Assert.StartsWith("error: esbuild is not installed in the project: run 'npm install' in it", build.Error);
        var typecheck = WidgetBuilder.TypeCheck(WidgetProject.Find(tmp.Combine("bare"))!, null, CancellationToken.None, out bool setup);
        Assert.True(setup);
        Assert.Contains("TypeScript is not installed in the project", typecheck.Single().Text);
    }

    private const string UmdLibrary = """
        // A UMD library as many npm packages ship them: AMD first, then CommonJS, then a global.
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
          return function shout(text) {
            return String(text).toUpperCase() + '!';
          };
        }));

        """;

    private static (int ExitCode, string Output) RunTsc(string tsconfig)
    {
        string root = Path.GetDirectoryName(tsconfig)!;
        string? tsc = null;
        for (var dir = new DirectoryInfo(root); dir is not null && tsc is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "node_modules", "typescript", "bin", "tsc");
            if (File.Exists(candidate)) tsc = candidate;
        }
        Assert.NotNull(tsc);
        var psi = new ProcessStartInfo(NodeWorkspace.OnPath("node")!) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { tsc, "--noEmit", "-p", tsconfig, "--pretty", "false" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "tsc did not finish");
        p.WaitForExit();
        return (p.ExitCode, o.Result + e.Result);
    }

    private static async Task WaitFor(Func<bool> condition, SyncWriter stdout, SyncWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"timed out\n--- stdout\n{stdout.Text}\n--- stderr\n{stderr.Text}");
            await Task.Delay(50);
        }
    }

    private sealed class SyncWriter : StringWriter
    {
        private readonly object _gate = new();

        public SyncWriter() => NewLine = "\n";

        public string Text
        {
            get { lock (_gate) return ToString(); }
        }

        public override void Write(char value)
        {
            lock (_gate) base.Write(value);
        }

        public override void Write(string? value)
        {
            lock (_gate) base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            lock (_gate) base.WriteLine(value);
        }
    }
}
