using System.CommandLine;
using KommoWidgetKit.Building;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Reporting;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget pack PATH</c>: validate, then write a byte-reproducible widget.zip.</summary>
public static class PackCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = CommandInput.WidgetPathArgument();
        var output = CommandInput.OutputOption("FILE", "Archive to write (default: widget.zip in the current folder)");
        var bump = CommandInput.Choice<VersionBump>("--bump",
            "Raise widget.version in the source manifest.json once validation passes, before packing", ["patch", "minor", "major"], VersionBumper.TryParse);
        var dryRun = new Option<bool>("--dry-run") { Description = "List the files that would be shipped and those left out (with why); write nothing, not even --bump" };
        var validation = new ValidationOptionSet(cached: true);
        var command = new Command("pack",
            "Validate a widget, then write a reproducible widget.zip with its files at the root; refused (exit code 1) when findings reach --fail-on. " +
            "A source project (src/, widget/) is built first and its dist/ packed.")
        {
            path, output, bump, dryRun,
        };
        foreach (var option in validation.All) command.Add(option);
        command.SetAction((parse, ct) => Task.FromResult(Run(console, parse, validation, ct, new Request(
            CommandInput.GetPath(parse, path),
            parse.GetValue(output),
            parse.GetValue(bump),
            parse.GetValue(dryRun)))));
        return command;
    }

    private sealed record Request(string Path, string? Output, VersionBump? Bump, bool DryRun);

    private static int Run(CliConsole console, ParseResult parse, ValidationOptionSet validation, CancellationToken ct, Request request)
    {
        string shownOutput = string.IsNullOrWhiteSpace(request.Output) ? "widget.zip" : request.Output;
        string outputPath = Path.GetFullPath(shownOutput);

        // A source project is built first (a dry run takes the last build as it is); its widget is the output folder.
        var project = WidgetProject.Find(request.Path);
        string widgetPath = request.Path;
        if (project is not null)
        {
            if (request.DryRun)
            {
                SourceProjects.LoadOutput(console, project, request.Path, "pack --dry-run");
            }
            else
            {
                var built = BuildCommand.Build(new CliConsole(console.Error, console.Error), project, new BuildOptions(), ct);
                if (!built.Succeeded)
                {
                    console.Error.WriteLine("pack refused: the build failed");
                    return built.SetupProblem ? ExitCodes.UsageError : ExitCodes.Findings;
                }
            }
            widgetPath = project.OutputDirectory;
        }

        // With the cache on, files are only hashed until their bytes are needed: an unchanged widget is packed from the cache.
        var choices = validation.Choices(parse);
        var cache = choices.Options.Cache;
        var widget = CommandInput.LoadWidget(widgetPath, deferContent: cache is not null);
        if (request.Bump is not null && widget.SourceKind != WidgetSourceKind.Folder)
            throw new UsageException("--bump edits manifest.json in the widget folder; it cannot change a .zip input");
        if (widget.SourceKind == WidgetSourceKind.Zip && SamePath(widget.Source, outputPath))
            throw new UsageException($"the output '{shownOutput}' is the archive being packed; choose another --output");
        string? outputInside = OutputInsideWidget(widget, outputPath, shownOutput);

        // Check the bump before validating so a bad version is a usage error, not a half-done pack.
        VersionBumpResult? plannedBump = null;
        if (request.Bump is { } kind)
            plannedBump = CommandInput.Guard(() => VersionBumper.Bump(File.ReadAllBytes(VersionBumper.ManifestPathOnDisk(widget)), kind));

        var result = choices.Validate(widget, console);
        if (project is not null) result = ProjectFindings.Relocate(result, project, widget);
        var threshold = choices.Threshold;
        WidgetReporter.Write(console.Error, result, ReportSource.For(widget, request.Path), ReportFormat.Text,
            new ReportOptions { ToolVersion = CliVersion.Informational, Color = choices.Color(console, console.Error) });
        if (result.HasAtLeast(threshold))
        {
            console.Error.WriteLine($"pack refused: findings at or above --fail-on {threshold.ToName()}; fix them (or change their severity with --rule) and run pack again");
            return ExitCodes.Findings;
        }

        var options = new PackOptions { ExcludePaths = outputInside is null ? [] : [outputInside], Cache = cache };
        if (request.DryRun)
        {
            var selection = WidgetPacker.SelectFiles(widget, options);
            if (plannedBump is not null)
                console.Out.WriteLine($"would bump widget.version {plannedBump.OldVersion} -> {plannedBump.NewVersion}");
            console.Out.WriteLine($"would pack {CliText.Count(selection.Included.Count, "file")} ({CliText.Bytes(selection.TotalSize)}) from {widget.Source} into {Display(outputPath)}:");
            CliText.WriteFiles(console.Out, selection.Included.Select(f => (f.Path, f.Length)));
            CliText.WriteExcluded(console.Out, selection.Excluded);
            CommandInput.Guard(options.ResolveTimestamp);
            return ExitCodes.Clean;
        }

        if (plannedBump is not null)
        {
            var done = CommandInput.Guard(() => VersionBumper.BumpOnDisk(widget, request.Bump!.Value));
            // The built manifest.json is a copy of widget/manifest.json: bump the source the same way.
            if (project is not null)
                CommandInput.Guard(() =>
                {
                    File.WriteAllBytes(Path.Combine(project.StaticDirectory, "manifest.json"), done.Manifest);
                    return true;
                });
            console.Out.WriteLine($"bumped widget.version {done.OldVersion} -> {done.NewVersion}");
            widget = CommandInput.LoadWidget(widgetPath);
        }

        var packed = CommandInput.Guard(() => WidgetPacker.PackToFile(widget, options, outputPath), $"cannot write '{shownOutput}'");
        CliText.WriteFiles(console.Out, packed.Files.Select(f => (f.Path, f.Size)));
        console.Out.WriteLine($"packed {CliText.Count(packed.Files.Count, "file")} ({CliText.Bytes(packed.TotalSize)}) into {Display(outputPath)} ({CliText.Bytes(packed.ArchiveSize)})");
        if (packed.Excluded.Count > 0)
            console.Out.WriteLine($"left out {CliText.Count(packed.Excluded.Count, "file")} (see --dry-run)");
        console.Out.WriteLine($"SHA-256 {packed.Sha256}");
        return ExitCodes.Clean;
    }

    // When the output lands inside the widget folder it must be a path pack leaves out, or the next run would ship it.
    internal static string? OutputInsideWidget(Widget widget, string outputPath, string shown)
    {
        if (widget.SourceKind != WidgetSourceKind.Folder) return null;
        string root = Path.GetFullPath(widget.Source);
        string rel = Path.GetRelativePath(root, outputPath).Replace('\\', '/');
        if (rel == "." || rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel)) return null;
        if (widget.WrapperFolder is { } wrapper)
        {
            if (!rel.StartsWith(wrapper + "/", StringComparison.Ordinal))
                throw new UsageException($"the output '{shown}' would land beside the '{wrapper}/' folder and change the widget's layout; write it elsewhere");
            rel = rel[(wrapper.Length + 1)..];
        }
        if (WidgetPacker.ExclusionReason(widget, rel) is null)
            throw new UsageException($"the output '{shown}' is inside the widget folder and would be shipped by the next pack; write it elsewhere or add '/{rel}' to .kommoignore");
        return rel;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Display(string fullPath)
    {
        string rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel;
    }
}
