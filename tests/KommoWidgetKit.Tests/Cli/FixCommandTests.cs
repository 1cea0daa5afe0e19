using System.Diagnostics;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary><c>kommo-widget fix</c> end to end: in-process runs on real folders.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    private static TestWidget Broken() => TestWidget.Valid()
        .Set("manifest.json", System.Text.Encoding.UTF8.GetBytes("\uFEFF" + TestWidget.ValidManifest
            .Replace("\"interface_version\": 2", "\"interface_version\": 1")
            .Replace("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", \"settings\", \"lcrd-1\"]")
            .Replace("\n", "\r\n")));

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public void Fix_repairs_the_folder_says_what_changed_and_what_is_left()
    {
        string folder = _cli.Folder(Broken());
        var run = CliFixture.Run("fix", folder, "--no-color");
        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString()); // the unknown location is an error, its fix unsafe
        Assert.Contains("fixed 3 findings in 1 file:", run.Out);
        Assert.Contains("  manifest.json\n", run.Out);
        Assert.Contains("    KW1006 Set interface_version to 2 (line 7)\n", run.Out);
        Assert.Contains("    KW6010 Remove the byte order mark (line 1)\n", run.Out);
        Assert.Contains("1 unsafe fix not applied (check them, then run fix --unsafe):", run.Out);
        Assert.Contains("KW1021 Write \"lcard-1\"", run.Out);
        Assert.Contains("error KW1021: unknown location \"lcrd-1\"", run.Out);
        string manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.NotEqual(0xEF, File.ReadAllBytes(Path.Combine(folder, "manifest.json"))[0]);
        Assert.DoesNotContain("\r", manifest);
        Assert.Equal(TestWidget.ValidManifest.Replace("\"lcard-1\", \"settings\"]", "\"lcard-1\", \"settings\", \"lcrd-1\"]"), manifest);

        var again = CliFixture.Run("fix", folder, "--no-color", "--unsafe");
        Assert.True(again.ExitCode == ExitCodes.Clean, again.ToString());
        Assert.Contains("KW1021 Write \"lcard-1\" (line 13) [unsafe]", again.Out);
        Assert.Contains("KW1025 Remove the repeated location", again.Out);
        Assert.Equal(TestWidget.ValidManifest, File.ReadAllText(Path.Combine(folder, "manifest.json")));

        var third = CliFixture.Run("fix", folder, "--no-color", "--unsafe");
        Assert.True(third.ExitCode == ExitCodes.Clean, third.ToString());
        Assert.StartsWith("nothing to fix\n", third.Out);
    }

    [Fact]
    public void Dry_run_writes_nothing_and_its_diff_applies_with_git_to_the_same_result()
    {
        string folder = _cli.Folder(Broken().Remove("i18n/es.json"));
        var before = Snapshot(folder);
        var dry = CliFixture.Run("fix", folder, "--dry-run", "--no-color");
        Assert.True(dry.ExitCode == ExitCodes.Findings, dry.ToString());
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
        Assert.Contains("--- a/manifest.json\n+++ b/manifest.json\n", dry.Out);
        Assert.Contains("--- /dev/null\n+++ b/i18n/es.json\n", dry.Out);
        Assert.Contains("would fix", dry.Error);
        Assert.DoesNotContain("would fix", dry.Out);

        // The diff is a real patch: applied to a copy it gives what fix writes.
        string copy = _cli.Folder(Broken().Remove("i18n/es.json"), "copy");
        string patch = Path.Combine(_cli.Root, "fix.patch");
        File.WriteAllText(patch, dry.Out);
        var git = Process.Start(new ProcessStartInfo("git", ["apply", "--whitespace=nowarn", patch])
            { WorkingDirectory = copy, RedirectStandardError = true })!;
        string gitError = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, gitError);
        var real = CliFixture.Run("fix", folder, "--no-color");
        Assert.Contains("fixed", real.Out);
        var fixedFiles = Snapshot(folder);
        var patched = Snapshot(copy);
        Assert.Equal(fixedFiles.Keys.Order(), patched.Keys.Order());
        foreach (var (path, bytes) in fixedFiles) Assert.True(bytes.AsSpan().SequenceEqual(patched[path]), path);
    }

    [Fact]
    public void Rule_option_fixes_only_that_rule()
    {
        string folder = _cli.Folder(Broken());
        var run = CliFixture.Run("fix", folder, "--rule", "interface-version", "--no-color");
        Assert.Contains("fixed 1 finding in 1 file:", run.Out);
        string manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.Contains("\"interface_version\": 2", manifest);
        Assert.Equal(0xEF, File.ReadAllBytes(Path.Combine(folder, "manifest.json"))[0]);
    }

    [Fact]
    public void A_zip_is_refused_with_what_to_do_instead()
    {
        var error = CliFixture.Run("fix", _cli.Zip(Broken())).AssertUsageError("fix");
        Assert.Contains("cannot change a .zip", error);
        Assert.Contains("unzip", error);
    }

    [Theory]
    [InlineData("KW9999", "unknown rule")]
    [InlineData("manifest-missing", "has no fix")]
    public void Rule_option_refuses_unknown_and_unfixable_rules(string rule, string expected)
    {
        string folder = _cli.Folder(Broken());
        var error = CliFixture.Run("fix", folder, "--rule", rule).AssertUsageError("fix");
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_read_only_file_is_a_clear_error_and_nothing_changes()
    {
        if (OperatingSystem.IsWindows()) return;
        string folder = _cli.Folder(Broken());
        File.SetUnixFileMode(Path.Combine(folder, "manifest.json"), UnixFileMode.UserRead);
        var before = Snapshot(folder);
        var error = CliFixture.Run("fix", folder, "--platform", "kommo").AssertUsageError("fix");
        Assert.Contains("manifest.json: the file is read-only", error);
        var after = Snapshot(folder);
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
    }

    [Fact]
    public void A_clean_widget_has_nothing_to_fix()
    {
        var run = CliFixture.Run("fix", _cli.Folder(TestWidget.Valid()), "--no-color");
        Assert.True(run.ExitCode == ExitCodes.Clean, run.ToString());
        Assert.StartsWith("nothing to fix\n", run.Out);
    }
}
