using System.Diagnostics;
using System.IO.Compression;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Packaging;

public class PackCommandTests
{
    [Fact]
    public void Packs_a_clean_widget_and_prints_files_size_and_hash()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("README.md", "# notes").WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("out", "widget.zip");
        Directory.CreateDirectory(tmp.Combine("out"));
        var (code, stdout, stderr) = CliFixture.Run("pack", folder, "--output", zip);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(zip));
        Assert.Contains("manifest.json", stdout);
        Assert.Contains("SHA-256 " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(zip))), stdout);
        Assert.Contains("left out 1 file", stdout);
        Assert.DoesNotContain(new ZipArchive(File.OpenRead(zip)).Entries, e => e.FullName == "README.md");
        Assert.Empty(Directory.GetFiles(tmp.Combine("out"), "*.tmp-*"));
    }

    [Fact]
    public void Refuses_a_widget_with_errors_and_prints_them()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("manifest.json", "{ \"widget\": ").WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var (code, _, stderr) = CliFixture.Run("pack", folder, "-o", zip);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Matches(@"manifest\.json:\d+:\d+: error KW1001: ", stderr);
        Assert.Contains("✖ ", stderr);
        Assert.Contains("pack refused: findings at or above --fail-on error", stderr);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void A_rule_override_can_turn_an_error_off()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Edit("manifest.json", "{", "{ // comment\n").WriteTo(tmp.Combine("w"));
        Assert.Equal(ExitCodes.Findings, CliFixture.Run("pack", folder, "-o", tmp.Combine("a.zip")).ExitCode);
        var (code, _, stderr) = CliFixture.Run("pack", folder, "-o", tmp.Combine("a.zip"), "--rule", "KW1002=off");
        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData("--bump", "tiny")]
    [InlineData("--platform", "bitrix")]
    [InlineData("--profile", "secret")]
    [InlineData("--rule", "KW9999=off")]
    [InlineData("--rule", "KW1001")]
    [InlineData("--rule", "KW1001=loud")]
    [InlineData("--fail-on", "never")]
    [InlineData("--unknown", "x")]
    public void Usage_errors_exit_2_with_one_clear_line(string option, string value)
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        CliFixture.Run("pack", folder, "-o", tmp.Combine("a.zip"), option, value).AssertUsageError("pack");
        Assert.False(File.Exists(tmp.Combine("a.zip")));
    }

    // KW1010 version-missing is a warning: the widget has no error.
    private static TestWidget WithWarningOnly() => TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "");

    [Fact]
    public void Findings_go_to_stderr_in_validate_text_format_with_the_summary_line()
    {
        using var tmp = new TempFolder();
        string folder = WithWarningOnly().WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var pack = CliFixture.Run("pack", folder, "-o", zip, "--platform", "kommo");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.True(File.Exists(zip));
        var validate = CliFixture.Run("validate", folder, "--platform", "kommo");
        Assert.Contains("warning KW1010: ", validate.Out);
        Assert.Equal(validate.Out, pack.Error);
        Assert.Contains($"✖ 1 warning in {folder} (platform kommo, profile private)", pack.Error);
        Assert.DoesNotContain("\e[", pack.Error);
        Assert.DoesNotContain("KW1010", pack.Out);
    }

    [Fact]
    public void A_clean_pack_reports_no_problems_on_stderr()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        var run = CliFixture.Run("pack", folder, "-o", tmp.Combine("widget.zip"), "--profile", "private", "--no-color");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith($"✔ no problems in {folder} (platform kommo, profile private)\n", run.Error);
    }

    [Fact]
    public void Fail_on_warning_refuses_a_widget_with_only_warnings()
    {
        using var tmp = new TempFolder();
        string folder = WithWarningOnly().WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var run = CliFixture.Run("pack", folder, "-o", zip, "--fail-on", "warning");
        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.False(File.Exists(zip));
        Assert.Contains("warning KW1010: ", run.Error);
        Assert.Contains("✖ 1 warning in ", run.Error);
        Assert.Contains("pack refused: findings at or above --fail-on warning", run.Error);
        Assert.Equal("", run.Out);

        var dryRun = CliFixture.Run("pack", folder, "-o", zip, "--fail-on", "warning", "--dry-run");
        Assert.Equal(ExitCodes.Findings, dryRun.ExitCode);
        Assert.Equal("", dryRun.Out);
    }

    [Fact]
    public void A_rule_turned_off_lets_fail_on_warning_pack()
    {
        using var tmp = new TempFolder();
        string folder = WithWarningOnly().WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var run = CliFixture.Run("pack", folder, "-o", zip, "--fail-on", "warning", "--rule", "KW1010=off");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(zip));
        Assert.DoesNotContain("KW1010", run.Error);
        Assert.Contains("✔ no problems in ", run.Error);

        // By name too; raising it instead refuses even at the default --fail-on error.
        var byName = CliFixture.Run("pack", folder, "-o", zip, "--fail-on", "warning", "--rule", "version-missing=off");
        Assert.True(byName.ExitCode == 0, byName.ToString());
        var raised = CliFixture.Run("pack", folder, "-o", tmp.Combine("other.zip"), "--rule", "KW1010=error");
        Assert.True(raised.ExitCode == ExitCodes.Findings, raised.ToString());
        Assert.Contains("error KW1010: ", raised.Error);
        Assert.False(File.Exists(tmp.Combine("other.zip")));
    }

    [Fact]
    public void Fail_on_info_counts_infos_as_validate_does()
    {
        using var tmp = new TempFolder();
        string folder = WithWarningOnly().WriteTo(tmp.Combine("w"));
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", tmp.Combine("a.zip"), "--rule", "KW1010=info", "--fail-on", "warning").ExitCode);
        var run = CliFixture.Run("pack", folder, "-o", tmp.Combine("b.zip"), "--rule", "KW1010=info", "--fail-on", "info");
        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("ℹ 1 info in", run.Error);
    }

    [Fact]
    public void Output_inside_the_widget_must_be_excluded()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        var (code, _, stderr) = CliFixture.Run("pack", folder, "-o", Path.Combine(folder, "dist", "widget.bin"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(".kommoignore", stderr);

        // A .zip is always left out, so widget.zip inside the folder is fine and never packs itself.
        string inside = Path.Combine(folder, "widget.zip");
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", inside).ExitCode);
        byte[] first = File.ReadAllBytes(inside);
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", inside).ExitCode);
        Assert.Equal(first, File.ReadAllBytes(inside));
        Assert.DoesNotContain(new ZipArchive(new MemoryStream(first)).Entries, e => e.FullName.EndsWith(".zip", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(folder, ".kommoignore"), "/dist/\n");
        Directory.CreateDirectory(Path.Combine(folder, "dist"));
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", Path.Combine(folder, "dist", "widget.bin")).ExitCode);
    }

    [Fact]
    public void Dry_run_lists_and_writes_nothing()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("package.json", "{}").WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var (code, stdout, _) = CliFixture.Run("pack", folder, "-o", zip, "--dry-run", "--bump", "major");
        Assert.Equal(0, code);
        Assert.False(File.Exists(zip));
        Assert.Contains("would pack", stdout);
        Assert.Contains("images/logo.png", stdout);
        Assert.Contains("package.json  (npm manifest", stdout);
        Assert.Contains("would bump widget.version 1.0.0 -> 2.0.0", stdout);
        Assert.Contains("\"1.0.0\"", File.ReadAllText(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public void Bump_edits_the_source_and_the_archive_carries_it()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        var (code, stdout, stderr) = CliFixture.Run("pack", folder, "-o", zip, "--bump", "patch");
        Assert.True(code == 0, stderr);
        Assert.Contains("1.0.0 -> 1.0.1", stdout);
        Assert.Equal(TestWidget.ValidManifest.Replace("\r\n", "\n").Replace("\"1.0.0\"", "\"1.0.1\""), File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.Equal("1.0.1", WidgetLoader.Load(zip).Manifest!.Version);
    }

    [Fact]
    public void Bump_refuses_a_zip_input_and_a_non_numeric_version()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("in.zip");
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", zip).ExitCode);
        var (code, _, stderr) = CliFixture.Run("pack", zip, "-o", tmp.Combine("out.zip"), "--bump", "patch");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(".zip input", stderr);

        string beta = TestWidget.Valid().EditManifest("\"1.0.0\"", "\"1.0.0-beta\"").WriteTo(tmp.Combine("beta"));
        (code, _, stderr) = CliFixture.Run("pack", beta, "-o", tmp.Combine("b.zip"), "--bump", "minor");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("1.0.0-beta", stderr);
        Assert.False(File.Exists(tmp.Combine("b.zip")));
    }

    [Fact]
    public void Repacking_a_zip_gives_the_same_bytes_and_refuses_to_overwrite_it()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        string a = tmp.Combine("a.zip"), b = tmp.Combine("b.zip");
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", a).ExitCode);
        Assert.Equal(0, CliFixture.Run("pack", a, "-o", b).ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(ExitCodes.UsageError, CliFixture.Run("pack", a, "-o", a).ExitCode);
    }

    [Fact]
    public void Another_process_with_another_time_zone_writes_the_same_bytes()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        string cli = Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll");
        string here = tmp.Combine("here.zip");
        using (var s = File.Create(here))
            WidgetPacker.Pack(WidgetLoader.Load(folder), new PackOptions { Timestamp = DateTimeOffset.FromUnixTimeSeconds(1700000000) }, s);

        var outputs = new List<byte[]>();
        foreach (var tz in new[] { "Pacific/Kiritimati", "America/Los_Angeles", "UTC" })
        {
            string zip = tmp.Combine($"child-{outputs.Count}.zip");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { cli, "pack", folder, "-o", zip }) psi.ArgumentList.Add(arg);
            psi.Environment["TZ"] = tz;
            psi.Environment["SOURCE_DATE_EPOCH"] = "1700000000";
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(60_000));
            Assert.True(p.ExitCode == 0, err);
            outputs.Add(File.ReadAllBytes(zip));
        }
        Assert.All(outputs, o => Assert.Equal(File.ReadAllBytes(here), o));
    }

    [Fact]
    public void An_independent_unzip_accepts_the_archive()
    {
        if (!File.Exists("/usr/bin/unzip")) return;
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("images/ñandú.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").WriteTo(tmp.Combine("w"));
        string zip = tmp.Combine("widget.zip");
        Assert.Equal(0, CliFixture.Run("pack", folder, "-o", zip).ExitCode);
        var psi = new ProcessStartInfo("/usr/bin/unzip", ["-tq", zip]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string all = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, all);
    }
}
