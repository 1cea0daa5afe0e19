using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KommoWidgetKit.Scaffolding;

namespace KommoWidgetKit.Tests.Support;

/// <summary>A temp folder with esbuild and TypeScript installed by a real <c>npm install</c> (the versions a
/// <c>--template ts</c> scaffold pins), once per test class fixture; TypeScript projects scaffolded in sub-folders find
/// them as Node does, in the parent's <c>node_modules</c>. Skipped without Node.js and npm, except with <c>CI=true</c>.</summary>
/// <remarks>npm keeps its downloads in one cache folder shared by every fixture and test project
/// (<c>$KOMMO_TEST_NPM_CACHE</c>, else <c>kommo-widget-npm-cache</c> in the temp folder) and installs with
/// <c>--prefer-offline</c>, so only the first install on a machine downloads.</remarks>
public sealed class NodeWorkspace : IDisposable
{
    private readonly Lazy<string?> _install;
    private readonly TempFolder _temp = new();

    public NodeWorkspace()
    {
        _install = new Lazy<string?>(Install, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The folder holding node_modules.</summary>
    public string Root => _temp.Path;

    /// <summary>How long npm install took (for the report of the test run).</summary>
    public TimeSpan InstallTime { get; private set; }

    public static string NpmCache => Environment.GetEnvironmentVariable("KOMMO_TEST_NPM_CACHE") is { Length: > 0 } cache
        ? cache
        : Path.Combine(Path.GetTempPath(), "kommo-widget-npm-cache");

    /// <summary>Skips the test (or fails it under CI=true) when node or npm is missing; installs on first use and fails
    /// the test when npm install failed.</summary>
    public void Require()
    {
        var missing = new[] { "node", "npm" }.Where(tool => OnPath(tool) is null).ToList();
        if (missing.Count > 0)
        {
            string what = string.Join(" and ", missing) + (missing.Count == 1 ? " is" : " are") + " not installed";
            if (RepoPaths.IsCi) Assert.Fail(what + " (CI=true: TypeScript projects must be built in CI; .ci/run installs Node.js and npm)");
            throw new SkipException(what + ": building TypeScript widget projects needs Node.js 18+ and npm");
        }
        if (_install.Value is { } problem) Assert.Fail(problem);
    }

    /// <summary>Scaffolds a TypeScript project named <paramref name="name"/> in a sub-folder and returns its path.</summary>
    public string NewProject(string name, ScaffoldOptions? options = null)
    {
        Require();
        string folder = Path.Combine(Root, name);
        var o = (options ?? new ScaffoldOptions { Name = name }) with { Template = ScaffoldTemplate.Ts };
        WidgetScaffolder.Write(o, folder);
        return folder;
    }

    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    // The scaffold's own package.json, installed in the parent folder.
    private string? Install()
    {
        var files = WidgetScaffolder.Generate(new ScaffoldOptions { Name = "workspace", Template = ScaffoldTemplate.Ts });
        var packageJson = files.Single(f => f.Path == "package.json").Content;
        using (var doc = JsonDocument.Parse(packageJson))
        {
            var deps = doc.RootElement.GetProperty("devDependencies");
            var text = new StringBuilder("{ \"name\": \"kommo-widget-test-workspace\", \"private\": true, \"devDependencies\": ");
            text.Append(deps.GetRawText()).Append(" }\n");
            File.WriteAllText(Path.Combine(Root, "package.json"), text.ToString());
        }
        var psi = new ProcessStartInfo(OnPath("npm")!)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "install", "--no-audit", "--no-fund", "--prefer-offline", "--cache", NpmCache }) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            p.Kill(entireProcessTree: true);
            return "npm install did not finish in 8 minutes";
        }
        p.WaitForExit();
        InstallTime = clock.Elapsed;
        if (p.ExitCode != 0) return $"npm install failed (exit {p.ExitCode})\n{stdout.Result}\n{stderr.Result}";
        if (!File.Exists(Path.Combine(Root, "node_modules", "esbuild", "package.json"))) return "npm install did not install esbuild\n" + stdout.Result + stderr.Result;
        return null;
    }

    public void Dispose() => _temp.Dispose();
}
