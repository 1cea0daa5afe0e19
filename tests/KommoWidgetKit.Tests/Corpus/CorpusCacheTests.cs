using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Corpus;

/// <summary>On every real widget the cache changes nothing a user sees: <c>validate</c> in each format prints the same
/// bytes and exits the same way whether it validated or read the findings back, and <c>pack</c> writes the same archive.</summary>
public class CorpusCacheTests
{
    public static TheoryData<string> Widgets() => RepoPaths.CorpusWidgets();

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Validate_prints_the_same_from_the_cache_in_every_format(string name)
    {
        string source = Path.Combine(RepoPaths.RequireCorpus(), name, "widget");
        using var tmp = new TempFolder();
        // A copy of its own, so that no other test's run of the same folder has filled the cache first.
        string folder = tmp.Combine("w");
        TempFolder.CopyTree(source, folder);
        foreach (string format in new[] { "text", "json", "sarif", "github" })
        foreach (string[] extra in new[] { Array.Empty<string>(), ["--profile", "public", "--platform", "amocrm"] })
        {
            string[] args = ["validate", folder, "--format", format, "--no-color", .. extra];
            var fresh = CliFixture.Run([.. args, "--no-cache"]);
            var stored = CliFixture.Run(args);
            var read = CliFixture.Run(args);
            Assert.Equal(fresh.ExitCode, stored.ExitCode);
            Assert.Equal(fresh.ExitCode, read.ExitCode);
            Assert.Equal(fresh.Out, stored.Out);
            Assert.Equal(fresh.Out, read.Out);
            Assert.Equal(fresh.Error, read.Error);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Pack_writes_the_same_archive_from_the_cache(string name)
    {
        string source = Path.Combine(RepoPaths.RequireCorpus(), name, "widget");
        using var tmp = new TempFolder();
        string folder = tmp.Combine("w");
        TempFolder.CopyTree(source, folder);
        string a = tmp.Combine("a.zip"), b = tmp.Combine("b.zip"), c = tmp.Combine("c.zip");
        var fresh = CliFixture.Run("pack", folder, "-o", a, "--no-cache", "--fail-on", "error", "--rule", "KW1001=info");
        var stored = CliFixture.Run("pack", folder, "-o", b, "--fail-on", "error", "--rule", "KW1001=info");
        var read = CliFixture.Run("pack", folder, "-o", c, "--fail-on", "error", "--rule", "KW1001=info");
        Assert.Equal(fresh.ExitCode, stored.ExitCode);
        Assert.Equal(fresh.ExitCode, read.ExitCode);
        Assert.Equal(fresh.Error, read.Error);
        if (fresh.ExitCode != 0) return; // refused for its errors, the same way each time
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(c));
    }
}
