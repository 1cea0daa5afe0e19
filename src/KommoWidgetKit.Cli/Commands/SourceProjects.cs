using KommoWidgetKit.Building;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>How the commands that take a widget treat a source project (<see cref="WidgetProject"/>): its widget is the
/// build output.</summary>
public static class SourceProjects
{
    /// <summary>The project's built widget for a command that does not build (<c>validate</c>, <c>pack --dry-run</c>): a
    /// usage error when it was never built; a note on standard error when a source is newer than the output.</summary>
    public static Widget LoadOutput(CliConsole console, WidgetProject project, string projectPath, string command)
    {
        string manifest = Path.Combine(project.OutputDirectory, "manifest.json");
        if (!File.Exists(manifest))
            throw new UsageException($"'{projectPath}' is a source project ({WidgetProject.SourceFolder}/, {WidgetProject.StaticFolder}/) that has not been built: " +
                $"run 'kommo-widget build {projectPath}' first ({command} checks the built widget in {project.OutputDisplay}/)");
        string stamp = Path.Combine(project.Root, WidgetBuilder.StampFile);
        // The stamp names the output folder of the last build; one of another folder says nothing about this one.
        bool stamped = File.Exists(stamp) && File.ReadAllText(stamp).Trim() == project.OutputDirectory;
        var builtAt = File.GetLastWriteTimeUtc(stamped ? stamp : manifest);
        if (project.NewestInput() is { } newest && newest > builtAt)
            console.Error.WriteLine($"note: {project.OutputDisplay}/ is older than the sources; run 'kommo-widget build {projectPath}' to check the current code");
        return CommandInput.LoadWidget(project.OutputDirectory);
    }
}
