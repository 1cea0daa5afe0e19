using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;
using Microsoft.Playwright;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>Issue 10: on the real widgets of the shared corpus, <c>kommo-widget fix</c> keeps a widget booting in the dev host
/// where it booted before: the same callbacks run on the same page, and no new error shows in the page.</summary>
/// <remarks>The corpus keeps only data files (its README: a missing script.js is an artefact of the copy), so every copy gets the
/// same stand-in <see cref="ProbeScript"/> before anything runs; what can differ between the boots is then what the fixes changed
/// in the manifest, the i18n files and the images. The page is picked from the original's locations.</remarks>
public sealed class CorpusFixBootTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>One row per corpus widget; one placeholder row (which skips, or fails in CI) when the corpus is absent.</summary>
    public static TheoryData<string> Widgets() => RepoPaths.CorpusWidgets();

    /// <summary>A stand-in script.js with every callback the dev host calls, each returning what Kommo expects.</summary>
    internal static readonly string ProbeScript = """
        // Stand-in script.js for a corpus widget (the corpus keeps only data files): every callback the dev host
        // can call, each returning what Kommo expects.
        define(['jquery'], function ($) {
          'use strict';
          return function () {
            var self = this;
            var ok = function () {
              return true;
            };
            this.callbacks = {
              render: function () {
                var widget = self.i18n('widget');
                window.__probe = {
                  name: widget && typeof widget === 'object' ? String(widget.name) : null,
                  code: self.get_settings().widget_code
                };
                return true;
              },
              init: ok,
              bind_actions: ok,
              settings: ok,
              onSave: ok,
              destroy: function () {},
              advancedSettings: ok,
              dpSettings: ok,
              initMenuPage: ok,
              salesbotDesignerSettings: ok,
              onSalesbotDesignerSave: function () {
                return '[]';
              },
              contacts: { selected: ok },
              leads: { selected: ok },
              todo: { selected: ok }
            };
            return this;
          };
        });

        """.ReplaceLineEndings("\n");

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public async Task Fixed_widget_boots_in_the_dev_host_where_the_original_did(string name)
    {
        string source = Path.Combine(RepoPaths.RequireCorpus(), name, "widget");

        using var original = CorpusCopy.Create(source, name);
        var before = await BootAsync(original.Path, page: null);
        output.WriteLine($"original: {before}");
        Assert.True(before.Served, $"the dev host did not serve {before.Page} for the original: HTTP {before.Status}\n{before.HostLog}");

        // Safe fixes, written into the copy the host just ran on (its .kommo state stays beside them, as after a dev session).
        var safe = FixAndWrite(original.Path, new FixOptions());
        output.WriteLine($"safe fixes: {Describe(safe)}");
        var afterSafe = await BootAsync(original.Path, before.Page);
        output.WriteLine($"after safe fixes: {afterSafe}");
        AssertBootsAsBefore(before, afterSafe, "safe fixes");

        // Unsafe fixes too, on a fresh copy, when they would change more than the safe ones did.
        using var second = CorpusCopy.Create(source, name);
        var all = WidgetFixer.Compute(WidgetLoader.Load(second.Path), new FixOptions { IncludeUnsafe = true });
        if (SameChanges(safe, all))
        {
            output.WriteLine("unsafe fixes: nothing beyond the safe ones");
            return;
        }
        var written = Write(second.Path, all);
        output.WriteLine($"unsafe fixes: {Describe(written)}");
        var afterUnsafe = await BootAsync(second.Path, before.Page);
        output.WriteLine($"after unsafe fixes: {afterUnsafe}");
        AssertBootsAsBefore(before, afterUnsafe, "unsafe fixes");
    }

    private static void AssertBootsAsBefore(Boot before, Boot after, string what)
    {
        Assert.True(after.Served, $"after {what} the dev host did not serve {after.Page}: HTTP {after.Status}\n{after.HostLog}");
        Assert.Equal(before.Code, after.Code);
        if (before.Ready) Assert.True(after.Ready, $"after {what} the page never became ready; problems: {string.Join("; ", after.Errors)}\n{after.HostLog}");
        if (before.Booted)
        {
            Assert.True(after.Booted, $"the original booted ({string.Join(", ", before.Calls)}) but after {what} render was not called; problems: {string.Join("; ", after.Errors)}");
            Assert.Equal(before.Calls, after.Calls);
            // The i18n files still load: a fix that broke them would leave self.i18n without the widget's name.
            if (before.Name is not null) Assert.Equal(before.Name, after.Name);
        }
        var added = after.Errors.Except(before.Errors, StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, $"after {what} the page shows errors the original did not: {string.Join("; ", added)}");
    }

    /// <summary>Computes the fixes for the widget in <paramref name="folder"/> and writes them.</summary>
    private static FixResult FixAndWrite(string folder, FixOptions options) =>
        Write(folder, WidgetFixer.Compute(WidgetLoader.Load(folder), options));

    /// <summary>Writes the fixes, then checks that exactly the files the result names changed on disk, to the bytes it gives,
    /// and that the stand-in script is untouched.</summary>
    private static FixResult Write(string folder, FixResult result)
    {
        var snapshot = Snapshot(folder);
        WidgetFixer.Write(result);
        var now = Snapshot(folder);
        var changed = now.Where(kv => !snapshot.TryGetValue(kv.Key, out var old) || !old.AsSpan().SequenceEqual(kv.Value)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(snapshot.Keys.Except(now.Keys));
        Assert.Equal(result.Changes.Select(c => c.Path).Order(StringComparer.Ordinal), changed);
        foreach (var change in result.Changes) Assert.Equal(change.After, now[change.Path]);
        Assert.Equal(ProbeScript, File.ReadAllText(Path.Combine(folder, "script.js")));
        return result;
    }

    /// <summary>Every file of the widget folder by its relative path (the dev host's .kommo state left out).</summary>
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith(".kommo/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(folder, p)), StringComparer.Ordinal);

    private static bool SameChanges(FixResult a, FixResult b) =>
        a.Changes.Count == b.Changes.Count
        && a.Changes.All(x => b.Changes.Any(y => y.Path == x.Path && y.After.AsSpan().SequenceEqual(x.After)));

    private static string Describe(FixResult result) =>
        result.Applied.Count == 0
            ? $"none applied (errors {result.Before.ErrorCount} → {result.After.ErrorCount})"
            : string.Join(", ", result.Applied.Select(a => $"{a.Finding.Id} {a.Title} [{string.Join(" ", a.Paths)}]"))
              + $" (errors {result.Before.ErrorCount} → {result.After.ErrorCount})";

    // ------------------------------------------------------------------ booting

    /// <summary>What one boot of the widget showed.</summary>
    /// <param name="Page">The path opened.</param>
    /// <param name="Status">The HTTP status of the page.</param>
    /// <param name="Ready">Whether the page ran the lifecycle (<c>__kommoDev.ready</c>).</param>
    /// <param name="Calls">The callbacks called, <c>name@area</c>.</param>
    /// <param name="Errors">Error-level problems, <c>source file: message</c> (no line: fixes move lines).</param>
    /// <param name="Name">The widget's name as render read it through <c>self.i18n('widget')</c> (null when it was not called or found none).</param>
    private sealed record Boot(string Code, string Page, int Status, bool Ready, IReadOnlyList<string> Calls, IReadOnlyList<string> Errors, string? Name, string HostLog)
    {
        public bool Served => Status == 200;

        public bool Booted => Calls.Any(c => c.StartsWith("render@", StringComparison.Ordinal) || c.StartsWith("init@", StringComparison.Ordinal));

        public override string ToString() =>
            $"{Page} HTTP {Status}, ready {Ready}, calls [{string.Join(", ", Calls)}], errors [{string.Join("; ", Errors)}], i18n name {Name ?? "(none)"}";
    }

    /// <summary>Starts the dev host on <paramref name="folder"/>, installs the widget with its required settings filled,
    /// opens <paramref name="page"/> (or the page of the widget's first location) and reads what ran.</summary>
    private async Task<Boot> BootAsync(string folder, string? page)
    {
        await using var host = await RunningHost.StartAsync(folder, watch: false);
        using var http = new HttpClient();
        var state = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/state");
        var widget = Prop(state, "widget");
        string code = Prop(widget, "code").GetString()!;
        var manifest = Prop(widget, "manifest");
        var locations = Prop(widget, "locations").EnumerateArray().Select(l => l.GetString() ?? "").ToList();
        page ??= PageFor(code, locations, manifest);

        var install = await http.PostAsJsonAsync(host.Address + "/__kommo/api/settings", new { active = "Y", fields = RequiredFields(manifest) });
        Assert.True(install.IsSuccessStatusCode, $"installing failed: HTTP {(int)install.StatusCode} {await install.Content.ReadAsStringAsync()}");

        var browserPage = await fixture.Browser.NewPageAsync();
        try
        {
            browserPage.SetDefaultTimeout(15000);
            var response = await browserPage.GotoAsync(host.Address + page);
            bool ready;
            try
            {
                await DevPage.WaitReadyAsync(browserPage);
                ready = true;
            }
            catch (TimeoutException)
            {
                ready = false;
            }
            var calls = await browserPage.EvaluateAsync<string[]?>("() => window.__kommoDev ? window.__kommoDev.calls.map(c => c.name + '@' + c.area) : null") ?? [];
            var errors = await browserPage.EvaluateAsync<string[]?>(
                "() => window.__kommoDev ? window.__kommoDev.problems.filter(p => p.level === 'error').map(p => p.source + ' ' + (p.file || '') + ': ' + p.message) : null") ?? [];
            var name = await browserPage.EvaluateAsync<string?>("() => window.__probe ? window.__probe.name : null");
            return new Boot(code, page, response?.Status ?? 0, ready, calls, errors, name, host.Output());
        }
        finally
        {
            await browserPage.CloseAsync();
        }
    }

    /// <summary>The page that runs the widget: the lead card for lcard, else the settings modal, else the page of the first
    /// location the host emulates, else the dashboard (where <c>everywhere</c> runs; a widget without locations runs nowhere).</summary>
    internal static string PageFor(string code, IReadOnlyList<string> locations, JsonElement manifest)
    {
        static string Family(string location) => location.EndsWith("-0", StringComparison.Ordinal) || location.EndsWith("-1", StringComparison.Ordinal) ? location[..^2] : location;
        var families = locations.Select(Family).ToList();
        if (families.Contains("lcard")) return "/leads/detail/30000001";
        if (families.Contains("settings")) return "/settings/widgets/#" + code;
        foreach (var family in families)
        {
            switch (family)
            {
                case "ccard": return "/contacts/detail/10000001";
                case "comcard": return "/companies/detail/20000001";
                case "cucard": return "/customers/detail/40000001";
                case "llist": return "/leads/list/";
                case "clist": return "/contacts/list/contacts/";
                case "culist": return "/customers/list/";
                case "tlist": return "/todo/list/";
                case "advanced_settings": return $"/settings/widgets/{code}/";
                case "digital_pipeline" or "lead_sources": return "/settings/pipeline/leads/8000001/";
                case "salesbot_designer": return "/salesbot/designer/";
                case "widget_page":
                    string item = manifest.ValueKind == JsonValueKind.Object && manifest.TryGetProperty("left_menu", out var menu) && menu.ValueKind == JsonValueKind.Object
                        ? menu.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? "main"
                        : "main";
                    return $"/widget_page/{code}/{Uri.EscapeDataString(item)}/";
                case "everywhere": return "/dashboard/";
            }
        }
        return "/dashboard/";
    }

    /// <summary>A value for every required setting of the manifest ("x"; a user map for users and users_lp).</summary>
    internal static Dictionary<string, object> RequiredFields(JsonElement manifest)
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        if (manifest.ValueKind != JsonValueKind.Object || !manifest.TryGetProperty("settings", out var settings) || settings.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var setting in settings.EnumerateObject())
        {
            var def = setting.Value;
            if (def.ValueKind != JsonValueKind.Object || !def.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.True) continue;
            string type = def.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "text";
            fields[setting.Name] = type switch
            {
                "users" => new Dictionary<string, string> { ["9000001"] = "x" },
                "users_lp" => new Dictionary<string, object> { ["9000001"] = new { login = "x", password = "x" } },
                _ => "x",
            };
        }
        return fields;
    }

    private static JsonElement Prop(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var p in element.EnumerateObject())
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return default;
    }

    /// <summary>A writable copy of a corpus widget (the corpus is read-only) in a temp folder, with <see cref="ProbeScript"/>.</summary>
    private sealed class CorpusCopy : IDisposable
    {
        private readonly string _root;

        private CorpusCopy(string root, string path)
        {
            _root = root;
            Path = path;
        }

        /// <summary>The widget folder (named after the corpus folder, so the dev host derives the code from it).</summary>
        public string Path { get; }

        public static CorpusCopy Create(string source, string name)
        {
            var root = Directory.CreateTempSubdirectory("kommo-corpusfix-").FullName;
            var target = System.IO.Path.Combine(root, name);
            CopyDirectory(source, target);
            var script = System.IO.Path.Combine(target, "script.js");
            if (!File.Exists(script)) File.WriteAllText(script, ProbeScript, new UTF8Encoding(false));
            return new CorpusCopy(root, target);
        }

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                var copy = System.IO.Path.Combine(to, System.IO.Path.GetFileName(file));
                File.Copy(file, copy);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | UnixFileMode.UserWrite | UnixFileMode.UserRead);
                else File.SetAttributes(copy, File.GetAttributes(copy) & ~FileAttributes.ReadOnly);
            }
            foreach (var dir in Directory.GetDirectories(from))
                CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at shutdown: the OS cleans the temp folder later.
            }
        }
    }
}
