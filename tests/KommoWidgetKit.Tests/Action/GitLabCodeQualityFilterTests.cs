using System.Diagnostics;
using System.Text.Json;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Action;

/// <summary>docs/ci/gitlab-codequality.jq, the conversion of <c>--format json</c> to GitLab's Code Quality report shown in
/// docs/ci.md, run with jq on the tool's real output.</summary>
public sealed class GitLabCodeQualityFilterTests : IDisposable
{
    private static readonly string Filter = RepoPaths.Combine("docs", "ci", "gitlab-codequality.jq");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string? FindJq() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "jq")).FirstOrDefault(File.Exists);

    private static JsonElement Convert(string json)
    {
        string? jq = FindJq();
        if (jq is null)
        {
            if (RepoPaths.IsCi) Assert.Fail("jq is not installed (scripts/test.sh installs it when run as root)");
            throw new SkipException("jq is not installed: apt-get install jq");
        }
        var psi = new ProcessStartInfo(jq, ["-f", Filter]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(json);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.True(p.ExitCode == 0, stderr.Result);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Docs_ci_md_shows_the_filter_as_it_is()
    {
        string doc = File.ReadAllText(RepoPaths.Combine("docs", "ci.md"));
        Assert.Contains("```jq\n" + File.ReadAllText(Filter) + "```", doc);
    }

    [SkippableFact]
    public void A_broken_widget_becomes_code_quality_issues()
    {
        string folder = TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": 3")
            .EditManifest("\"version\": \"1.0.0\",", "").WriteTo(_temp.Combine("broken"));
        var run = CliFixture.Run("validate", folder, "--format", "json", "--platform", "kommo");
        Assert.True(run.ExitCode == 1, run.ToString());

        var issues = Convert(run.Out);
        Assert.Equal(JsonValueKind.Array, issues.ValueKind);
        Assert.Equal(JsonDocument.Parse(run.Out).RootElement.GetProperty("diagnostics").GetArrayLength(), issues.GetArrayLength());
        var error = Assert.Single(issues.EnumerateArray(), i => i.GetProperty("check_name").GetString() == "KW1006");
        Assert.Equal("major", error.GetProperty("severity").GetString());
        Assert.StartsWith("KW1006 interface-version: ", error.GetProperty("description").GetString());
        Assert.Equal(folder + "/manifest.json", error.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(7, error.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        var warning = Assert.Single(issues.EnumerateArray(), i => i.GetProperty("check_name").GetString() == "KW1010");
        Assert.Equal("minor", warning.GetProperty("severity").GetString());
        Assert.True(warning.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        var fingerprints = issues.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.All(fingerprints, f => Assert.False(string.IsNullOrEmpty(f)));
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        // Stable: the same findings give the same fingerprints.
        Assert.Equal(fingerprints, Convert(run.Out).EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()));
    }

    [SkippableFact]
    public void A_clean_widget_is_an_empty_report_and_paths_of_the_root_widget_have_no_prefix()
    {
        Assert.Equal(0, Convert("""{"source":".","diagnostics":[]}""").GetArrayLength());
        var issues = Convert("""
            {"source":"./","diagnostics":[{"id":"KW4000","name":"logo-missing","severity":"error","message":"m","path":"images/logo.png","line":null,"column":null}]}
            """);
        var issue = Assert.Single(issues.EnumerateArray());
        Assert.Equal("images/logo.png", issue.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(1, issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
    }
}
