using System.Text.Json;
using KommoWidgetKit.Tests.Loading;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>A damaged .zip is a finding (KW6011, exit 1) in every output format, not a usage error.</summary>
public sealed class DamagedArchiveTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private string Write(string kind)
    {
        string path = Path.Combine(_fx.Root, kind + ".zip");
        File.WriteAllBytes(path, WidgetLoaderTests.Broken(kind));
        return path;
    }

    [Theory]
    [InlineData("truncated", "truncated: the file ends after ")]
    [InlineData("corrupt-directory", "damaged: it starts like a zip archive, but its central directory cannot be read")]
    [InlineData("html", "not a zip archive despite its name: it is an HTML page")]
    [InlineData("empty", "not a zip archive despite its name: the file is empty (0 bytes)")]
    public void Validate_reports_the_archive_finding_and_exits_1(string kind, string detail)
    {
        string path = Write(kind);
        var run = CliFixture.Run("validate", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("error:", run.Error);
        Assert.Contains($"{path}: error {RuleIds.ArchiveUnreadable}: archive: {detail}", run.Out);
        // It is the only finding: "manifest.json is missing" and the like would only repeat it.
        Assert.StartsWith($"{path}: error {RuleIds.ArchiveUnreadable}: ", run.Out);
        Assert.DoesNotContain(RuleIds.ManifestMissing, run.Out);
        Assert.DoesNotContain(RuleIds.LogoMissing, run.Out);
        Assert.Contains("1 error", run.Out);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt-directory")]
    [InlineData("html")]
    [InlineData("empty")]
    public void Every_output_format_carries_the_finding(string kind)
    {
        string path = Write(kind);

        var json = CliFixture.Run("validate", path, "--format", "json");
        Assert.True(json.ExitCode == 1, json.ToString());
        using (var doc = JsonDocument.Parse(json.Out))
            Assert.Contains(RuleIds.ArchiveUnreadable, doc.RootElement.GetRawText());

        var sarif = CliFixture.Run("validate", path, "--format", "sarif");
        Assert.True(sarif.ExitCode == 1, sarif.ToString());
        using (var doc = JsonDocument.Parse(sarif.Out))
        {
            var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Single(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == RuleIds.ArchiveUnreadable);
        }

        var github = CliFixture.Run("validate", path, "--format", "github");
        Assert.True(github.ExitCode == 1, github.ToString());
        Assert.Contains(RuleIds.ArchiveUnreadable, github.Out);
    }

    [Fact]
    public void A_path_that_does_not_exist_stays_a_usage_error()
    {
        string error = CliFixture.Run("validate", Path.Combine(_fx.Root, "missing.zip")).AssertUsageError("validate");
        Assert.Contains("does not exist", error);
    }
}
