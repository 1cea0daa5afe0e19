using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Editors;

/// <summary>The VS Code extension in editors/vscode, built as CI builds it: <c>bash scripts/build-vscode.sh</c> (npm ci,
/// tsc --noEmit, the extension's node --test tests, esbuild, vsce package), then the .vsix it writes is opened and its
/// package.json read. Skipped without Node.js and npm, except with <c>CI=true</c>, where they must be there.</summary>
public sealed partial class VsCodeExtensionTests
{
    private static readonly string Extension = RepoPaths.Combine("editors", "vscode");

    private static readonly string[] Commands =
        ["kommoWidget.pack", "kommoWidget.dev", "kommoWidget.stopDev", "kommoWidget.new", "kommoWidget.restartServer"];

    private sealed record BuildRun(int ExitCode, string Out, string Error, string Vsix)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    /// <summary>The build runs once for all the tests of this class, on first use.</summary>
    private static readonly Lazy<BuildRun> Build = new(RunBuild, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string RepositoryVersion()
    {
        string props = File.ReadAllText(RepoPaths.Combine("Directory.Build.props"));
        return VersionPrefix().Match(props).Groups[1].Value;
    }

    [GeneratedRegex("<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static void RequireNode()
    {
        var missing = new[] { "node", "npm" }.Where(tool => OnPath(tool) is null).ToList();
        if (missing.Count == 0) return;
        string what = string.Join(" and ", missing) + (missing.Count == 1 ? " is" : " are") + " not installed";
        if (RepoPaths.IsCi) Assert.Fail(what + " (CI=true: the VS Code extension must be built in CI; .ci/run installs Node.js and npm)");
        throw new SkipException(what + ": the VS Code extension's build needs Node.js 20+ and npm");
    }

    private static BuildRun RunBuild()
    {
        string vsix = RepoPaths.Combine("artifacts", "vscode", $"kommo-widget-{RepositoryVersion()}.vsix");
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(RepoPaths.Combine("scripts", "build-vscode.sh"));
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("scripts/build-vscode.sh did not finish in 10 minutes\n" + stdout + stderr);
        }
        p.WaitForExit();
        return new BuildRun(p.ExitCode, stdout.ToString(), stderr.ToString(), vsix);
    }

    private static BuildRun Built()
    {
        RequireNode();
        var run = Build.Value;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(run.Vsix), $"{run.Vsix} was not written\n{run}");
        return run;
    }

    private static JsonElement PackagedManifest(ZipArchive vsix)
    {
        var entry = vsix.GetEntry("extension/package.json");
        Assert.NotNull(entry);
        using var stream = entry.Open();
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }

    [SkippableFact]
    public void The_build_script_writes_a_vsix_with_the_bundle_the_schema_and_the_docs()
    {
        var run = Built();
        // The script ran the type check and the extension's own tests (node --test's summary) before packaging.
        Assert.Contains("tsc --noEmit", run.Out);
        Assert.Matches(@"ℹ pass [1-9]\d*", run.Out);
        Assert.Contains("ℹ fail 0", run.Out);

        using var vsix = ZipFile.OpenRead(run.Vsix);
        var names = vsix.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (string entry in new[]
                 {
                     "extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js",
                     "extension/schemas/manifest.schema.json", "extension/readme.md", "extension/changelog.md",
                     "extension/LICENSE.txt",
                 })
            Assert.True(names.Contains(entry), $"{entry} is not in the vsix: {string.Join(", ", names)}");
        Assert.DoesNotContain(names, n => n.StartsWith("extension/node_modules/", StringComparison.Ordinal)
                                          || n.StartsWith("extension/src/", StringComparison.Ordinal)
                                          || n.EndsWith(".ts", StringComparison.Ordinal));

        using (var schema = new StreamReader(vsix.GetEntry("extension/schemas/manifest.schema.json")!.Open()))
            Assert.Equal(File.ReadAllText(RepoPaths.Combine("schemas", "manifest.schema.json")), schema.ReadToEnd());
        Assert.True(vsix.GetEntry("extension/dist/extension.js")!.Length > 10_000, "the bundle is suspiciously small");
    }

    [SkippableFact]
    public void The_packaged_package_json_contributes_the_commands_the_settings_and_the_schema()
    {
        using var vsix = ZipFile.OpenRead(Built().Vsix);
        var manifest = PackagedManifest(vsix);
        Assert.Equal("kommo-widget", manifest.GetProperty("name").GetString());
        Assert.Equal("kommo-widget-kit", manifest.GetProperty("publisher").GetString());
        Assert.Equal(RepositoryVersion(), manifest.GetProperty("version").GetString());
        Assert.Equal("./dist/extension.js", manifest.GetProperty("main").GetString());

        var contributes = manifest.GetProperty("contributes");
        var commands = contributes.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()!).ToList();
        Assert.Equal(Commands.Order(StringComparer.Ordinal), commands.Order(StringComparer.Ordinal));

        var validation = contributes.GetProperty("jsonValidation").EnumerateArray()
            .ToDictionary(v => v.GetProperty("fileMatch").GetString()!, v => v.GetProperty("url").GetString());
        Assert.Equal("./schemas/manifest.schema.json", validation["manifest.json"]);
        Assert.Equal("./schemas/kommo-widget.schema.json", validation["kommo-widget.json"]);
        Assert.Equal(2, validation.Count);
        using (var config = new StreamReader(vsix.GetEntry("extension/schemas/kommo-widget.schema.json")!.Open()))
            Assert.Equal(File.ReadAllText(RepoPaths.Combine("schemas", "kommo-widget.schema.json")), config.ReadToEnd());

        var settings = contributes.GetProperty("configuration").GetProperty("properties");
        Assert.Equal("kommo-widget", settings.GetProperty("kommoWidget.path").GetProperty("default").GetString());
        Assert.Equal(0, settings.GetProperty("kommoWidget.dev.port").GetProperty("default").GetInt32());
        Assert.Equal(new[] { "off", "messages", "verbose" },
            settings.GetProperty("kommoWidget.trace.server").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));

        var activation = manifest.GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("workspaceContains:**/manifest.json", activation);
        foreach (string command in Commands) Assert.Contains("onCommand:" + command, activation);
    }

    [Fact]
    public void The_extension_has_the_repository_version_and_the_readme_names_its_vsix()
    {
        string version = RepositoryVersion();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package.json")));
        Assert.Equal(version, doc.RootElement.GetProperty("version").GetString());
        string install = $"code --install-extension artifacts/vscode/kommo-widget-{version}.vsix";
        Assert.Contains(install, File.ReadAllText(RepoPaths.Combine("README.md")));
        Assert.Contains(install, File.ReadAllText(Path.Combine(Extension, "README.md")));
        // The lock file is committed, so that npm ci installs the same packages everywhere.
        Assert.True(File.Exists(Path.Combine(Extension, "package-lock.json")));
        Assert.Equal(File.ReadAllText(RepoPaths.Combine("LICENSE")), File.ReadAllText(Path.Combine(Extension, "LICENSE")));
    }
}
