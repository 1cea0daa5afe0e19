using System.Text.Json;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    // A duplicate key is a warning (KW1003); broken JSON is an error (KW1001).
    private static TestWidget WithWarning() =>
        TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"1.0.1\",");

    private static TestWidget WithError() =>
        TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\" \"x\": 1,");

    [Fact]
    public void Clean_widget_exits_0_with_a_tick()
    {
        string path = _fx.Folder(TestWidget.Valid());
        var run = CliFixture.Run("validate", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"✔ no problems in {path} (platform kommo, profile private)\n", run.Out);
        Assert.DoesNotContain("\e[", run.Out);
    }

    [Fact]
    public void Errors_exit_1_and_name_file_line_and_column()
    {
        string path = _fx.Folder(WithError());
        var run = CliFixture.Run("validate", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{path}/manifest.json:6:24: error {RuleIds.ManifestInvalidJson}: ", run.Out);
        Assert.Contains("✖ 1 error in " + path, run.Out);
    }

    [Fact]
    public void Warnings_exit_0_unless_fail_on_warning()
    {
        string path = _fx.Folder(WithWarning());
        var run = CliFixture.Run("validate", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"warning {RuleIds.ManifestDuplicateKey}: ", run.Out);
        Assert.Equal(1, CliFixture.Run("validate", path, "--fail-on", "warning").ExitCode);
        Assert.Equal(1, CliFixture.Run("validate", path, "--fail-on", "info").ExitCode);
    }

    [Fact]
    public void Fail_on_info_counts_infos()
    {
        string path = _fx.Folder(WithWarning());
        Assert.Equal(0, CliFixture.Run("validate", path, "--rule", "KW1003=info", "--fail-on", "warning").ExitCode);
        var run = CliFixture.Run("validate", path, "--rule", "KW1003=info", "--fail-on", "info");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ℹ 1 info in", run.Out);
    }

    [Fact]
    public void Rule_option_turns_rules_off_or_up_by_id_or_name()
    {
        string path = _fx.Folder(WithWarning());
        var off = CliFixture.Run("validate", path, "--rule", "KW1003=off", "--fail-on", "warning");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.DoesNotContain("KW1003", off.Out);
        var up = CliFixture.Run("validate", path, "--rule", "manifest-duplicate-key=error");
        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.Contains($"error {RuleIds.ManifestDuplicateKey}: ", up.Out);
    }

    [Fact]
    public void Config_file_overrides_rules_and_the_command_line_wins_over_it()
    {
        string path = _fx.Folder(WithWarning().Set("kommo-widget.json", """{ "rules": { "KW1003": "off" } }"""));
        var run = CliFixture.Run("validate", path, "--fail-on", "warning");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("KW1003", run.Out);
        var back = CliFixture.Run("validate", path, "--fail-on", "warning", "--rule", "KW1003=warning");
        Assert.True(back.ExitCode == 1, back.ToString());
    }

    [Fact]
    public void Config_file_platform_and_profile_are_used_and_options_win()
    {
        string path = _fx.Folder(TestWidget.Valid().Set("kommo-widget.json", """{ "platform": "amocrm", "profile": "public" }"""));
        var run = CliFixture.Run("validate", path, "--rule", "KW6004=off");
        Assert.Contains("(platform amocrm, profile public)", run.Out);
        Assert.DoesNotContain("inferred", run.Error);
        var over = CliFixture.Run("validate", path, "--platform", "kommo", "--profile", "private");
        Assert.Contains("(platform kommo, profile private)", over.Out);
    }

    [Fact]
    public void Inferred_platform_is_announced_on_stderr()
    {
        string path = _fx.Folder(TestWidget.Valid());
        var run = CliFixture.Run("validate", path);
        Assert.Contains("inferred", run.Error);
        Assert.DoesNotContain("inferred", CliFixture.Run("validate", path, "--platform", "amocrm").Error);
    }

    [Fact]
    public void Json_format_is_a_document_with_summary_and_diagnostics()
    {
        string path = _fx.Folder(WithWarning());
        var run = CliFixture.Run("validate", path, "--format", "json", "--platform", "amocrm", "--profile", "public");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("kommo-widget", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("amocrm", root.GetProperty("platform").GetString());
        Assert.Equal("public", root.GetProperty("profile").GetString());
        Assert.Equal(path, root.GetProperty("source").GetString());
        var d = root.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("id").GetString() == RuleIds.ManifestDuplicateKey);
        Assert.Equal("manifest.json", d.GetProperty("path").GetString());
        Assert.Equal("warning", d.GetProperty("severity").GetString());
        Assert.True(d.GetProperty("line").GetInt32() > 0);
        Assert.Equal(root.GetProperty("diagnostics").GetArrayLength(), root.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Sarif_format_lists_the_catalog_and_the_results()
    {
        string path = _fx.Folder(WithError());
        var run = CliFixture.Run("validate", path, "-f", "sarif");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var sarifRun = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(RuleCatalog.All.Count, sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var result = sarifRun.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == RuleIds.ManifestInvalidJson);
        Assert.Equal("error", result.GetProperty("level").GetString());
        string uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.EndsWith("/manifest.json", uri);
    }

    [Fact]
    public void Github_format_writes_workflow_commands()
    {
        string path = _fx.Folder(WithWarning());
        var run = CliFixture.Run("validate", path, "--format", "github");
        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Out.Split('\n').Single(l => l.Contains(RuleIds.ManifestDuplicateKey));
        Assert.StartsWith("::warning file=", line);
        Assert.Contains(",line=", line);
        Assert.Contains($",title={RuleIds.ManifestDuplicateKey} manifest-duplicate-key::", line);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        string path = _fx.Folder(WithError());
        string report = Path.Combine(_fx.Root, "out", "report.sarif");
        var run = CliFixture.Run("validate", path, "--format", "sarif", "--output", report);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("report written to " + report, run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Zip_input_names_entries_inside_the_archive()
    {
        string zip = _fx.Zip(WithError());
        var run = CliFixture.Run("validate", zip);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{zip}!manifest.json:6:24: error {RuleIds.ManifestInvalidJson}", run.Out);
        Assert.Equal(0, CliFixture.Run("validate", _fx.Zip(TestWidget.Valid(), "clean.zip")).ExitCode);
    }

    [Fact]
    public void Zip_with_a_wrapper_folder_names_entries_with_the_folder()
    {
        var wrapped = TestWidget.Empty();
        foreach (var (file, bytes) in WithError().Files) wrapped.Set("hello/" + file, bytes);
        string zip = _fx.Zip(wrapped);
        var run = CliFixture.Run("validate", zip);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{zip}!hello/manifest.json:6:24: error {RuleIds.ManifestInvalidJson}", run.Out);
    }

    [Fact]
    public void No_color_is_accepted_and_output_stays_plain()
    {
        string path = _fx.Folder(WithWarning());
        var run = CliFixture.Run("validate", path, "--no-color");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("\e[", run.Out);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--platform", "bitrix")]
    [InlineData("--profile", "secret")]
    [InlineData("--fail-on", "never")]
    [InlineData("--rule", "KW1003")]
    [InlineData("--rule", "KW9999=off")]
    [InlineData("--rule", "KW1003=loud")]
    [InlineData("--formt", "json")]
    public void Bad_option_values_exit_2_with_a_message(string option, string value)
    {
        string path = _fx.Folder(TestWidget.Valid());
        CliFixture.Run("validate", path, option, value).AssertUsageError("validate");
    }

    [Fact]
    public void A_file_that_is_not_a_zip_exits_2()
    {
        string file = Path.Combine(_fx.Root, "notes.txt");
        File.WriteAllText(file, "hello");
        string error = CliFixture.Run("validate", file).AssertUsageError("validate");
        Assert.Contains("neither a folder nor a zip", error);
    }

    [Fact]
    public void Unwritable_output_is_a_usage_error()
    {
        string path = _fx.Folder(TestWidget.Valid());
        string blocker = Path.Combine(_fx.Root, "blocker");
        File.WriteAllText(blocker, "");
        var run = CliFixture.Run("validate", path, "--output", Path.Combine(blocker, "report.txt"), "--platform", "kommo");
        Assert.StartsWith("error: cannot write", run.AssertUsageError("validate"));
    }
}
