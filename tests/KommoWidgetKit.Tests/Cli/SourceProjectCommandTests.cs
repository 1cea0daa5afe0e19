using KommoWidgetKit.Scaffolding;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>How the commands that take a widget treat a source project (src/, widget/) without running a build: they
/// say what to do, or take its dist/.</summary>
public class SourceProjectCommandTests
{
    private static string Project(TempFolder tmp)
    {
        string folder = tmp.Combine("proj");
        WidgetScaffolder.Write(new ScaffoldOptions { Name = "proj", Template = ScaffoldTemplate.Ts }, folder);
        return folder;
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("info")]
    public void Commands_that_read_the_build_say_to_build_first(string command)
    {
        using var tmp = new TempFolder();
        string project = Project(tmp);
        string error = CliFixture.Run(command, project).AssertUsageError(command);
        Assert.Contains($"is a source project (src/, widget/) that has not been built: run 'kommo-widget build {project}' first", error);
        Assert.Contains($"{command} checks the built widget in dist/", error);
    }

    [Fact]
    public void Pack_dry_run_builds_nothing_and_says_to_build()
    {
        using var tmp = new TempFolder();
        string project = Project(tmp);
        Assert.Contains("run 'kommo-widget build", CliFixture.Run("pack", project, "--dry-run").AssertUsageError("pack"));
        Assert.False(Directory.Exists(Path.Combine(project, "dist")));
    }

    [Fact]
    public void Fix_points_to_the_static_files()
    {
        using var tmp = new TempFolder();
        string project = Project(tmp);
        string error = CliFixture.Run("fix", project).AssertUsageError("fix");
        Assert.Contains($"is a source project: run fix on {Path.Combine(project, "widget")}", error);
    }

    [Fact]
    public void Build_refuses_a_widget_folder_and_a_folder_that_is_no_project()
    {
        using var tmp = new TempFolder();
        string widget = tmp.Combine("plain");
        WidgetScaffolder.Write(new ScaffoldOptions { Name = "plain" }, widget);
        Assert.Contains("is a widget folder (it has manifest.json), not a source project: it needs no build", CliFixture.Run("build", widget).AssertUsageError("build"));
        Directory.CreateDirectory(tmp.Combine("empty"));
        Assert.Contains("is not a source project: build needs src/ with the code and widget/manifest.json", CliFixture.Run("build", tmp.Combine("empty")).AssertUsageError("build"));
        Assert.Contains("does not exist", CliFixture.Run("build", tmp.Combine("missing")).AssertUsageError("build"));
    }

    [Fact]
    public void Commands_take_the_last_build_and_note_when_the_sources_are_newer()
    {
        using var tmp = new TempFolder();
        string project = Project(tmp);
        // A build stand-in: widget/ copied into dist/ with a script.js (the real build is tested with npm).
        string dist = Path.Combine(project, "dist");
        foreach (var file in Directory.GetFiles(Path.Combine(project, "widget"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dist, Path.GetRelativePath(Path.Combine(project, "widget"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllBytes(Path.Combine(dist, "script.js"), WidgetScaffolder.Generate(new ScaffoldOptions { Name = "proj" }).Single(f => f.Path == "script.js").Content);
        File.SetLastWriteTimeUtc(Path.Combine(dist, "manifest.json"), DateTime.UtcNow.AddMinutes(5));

        var info = CliFixture.Run("info", project);
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains("script.js", info.Out);
        var validate = CliFixture.Run("validate", project);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("✔ no problems", validate.Out);
        Assert.DoesNotContain("older than the sources", validate.Error);

        File.SetLastWriteTimeUtc(Path.Combine(project, "src", "index.ts"), DateTime.UtcNow.AddMinutes(10));
        Assert.Contains("note: dist/ is older than the sources; run 'kommo-widget build", CliFixture.Run("validate", project).Error);
    }
}
