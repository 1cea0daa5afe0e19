using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using KommoWidgetKit.Building;
using KommoWidgetKit.Reporting;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget build [PATH]</c>: bundle a source project's <c>src/</c> into <c>dist/script.js</c> (an AMD
/// module), copy <c>widget/</c>, then validate the result and print the findings.</summary>
public static class BuildCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "Source project folder: src/ with the code, widget/ with manifest.json and the other static files (default: ., the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = CommandInput.OutputOption("DIR", "Folder to write the widget into (default: dist in the project)");
        var watch = new Option<bool>("--watch") { Description = "Build again whenever src/, widget/, types/, package.json or tsconfig.json change; Ctrl+C stops" };
        var typecheck = new Option<bool>("--typecheck") { Description = "Also type-check with the project's tsc --noEmit; type errors fail the build and nothing is written" };
        var validation = new ValidationOptionSet(cached: true);
        var command = new Command("build",
            "Bundle a TypeScript or modern JavaScript widget project with esbuild (from its node_modules) into an AMD script.js with a " +
            "source map, copy its widget/ files, then validate the output (exit code 1 on build errors or findings at or above --fail-on).")
        {
            path, output, watch, typecheck,
        };
        foreach (var option in validation.All) command.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            string projectPath = parse.GetValue(path) ?? ".";
            var project = FindProject(projectPath, parse.GetValue(output));
            var options = new BuildOptions { TypeCheck = parse.GetValue(typecheck) };
            int code = BuildAndValidate(console, parse, validation, project, projectPath, options, ct);
            if (!parse.GetValue(watch)) return code;
            await WatchAsync(console, parse, validation, project, projectPath, options, ct).ConfigureAwait(false);
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>The source project at <paramref name="path"/>; anything else is a usage error that says what a project is.</summary>
    public static WidgetProject FindProject(string path, string? output = null)
    {
        if (!Directory.Exists(path))
            throw new UsageException(File.Exists(path) ? $"'{path}' is a file; build takes a source project folder" : $"'{path}' does not exist");
        if (File.Exists(Path.Combine(path, "manifest.json")))
            throw new UsageException($"'{path}' is a widget folder (it has manifest.json), not a source project: it needs no build (validate, dev and pack take it as it is)");
        return WidgetProject.Find(path, output)
            ?? throw new UsageException($"'{path}' is not a source project: build needs {WidgetProject.SourceFolder}/ with the code and {WidgetProject.StaticFolder}/manifest.json " +
                "(kommo-widget new NAME --template ts writes one)");
    }

    /// <summary>Builds and prints what happened: messages on standard error, a summary on standard output.</summary>
    public static BuildResult Build(CliConsole console, WidgetProject project, BuildOptions options, CancellationToken ct)
    {
        var result = WidgetBuilder.Build(project, options, ct);
        WriteMessages(console.Error, result.Messages);
        if (!result.Succeeded)
        {
            int errors = result.Errors.Count();
            console.Error.WriteLine(result.SetupProblem
                ? "build could not run: see above"
                : $"build failed: {CliText.Count(errors, "error")}; nothing was written to {project.OutputDisplay}/");
            return result;
        }
        string deps = result.Dependencies.Count == 0 ? "no Kommo modules" : "AMD dependencies " + string.Join(", ", result.Dependencies);
        string changes = result.Written.Count == 0 && result.Removed.Count == 0
            ? "unchanged"
            : string.Join(", ", new[] { result.Written.Count > 0 ? CliText.Count(result.Written.Count, "file") + " written" : null, result.Removed.Count > 0 ? result.Removed.Count.ToString(CultureInfo.InvariantCulture) + " removed" : null }.Where(x => x is not null));
        console.Out.WriteLine($"built {project.OutputDisplay}/ in {result.Elapsed.TotalMilliseconds:0} ms ({CliText.Count(result.Files.Count, "file")}, {changes}): script.js from {project.Relative(project.Entry!)} with {deps}");
        return result;
    }

    /// <summary>Writes build messages as <c>src/index.ts:3:7: error: …</c> with the source line and a caret under it.</summary>
    public static void WriteMessages(TextWriter writer, IEnumerable<BuildMessage> messages)
    {
        foreach (var m in messages)
        {
            writer.WriteLine(m.ToString());
            if (m.Excerpt() is { } excerpt) writer.WriteLine(excerpt);
            foreach (var note in m.Notes) writer.WriteLine("  note: " + note);
        }
    }

    /// <summary>Validates the built widget and reports its findings with project-relative paths (positions in script.js
    /// at their place in src/); returns the exit code for the findings.</summary>
    public static int ReportOutput(CliConsole console, TextWriter writer, ParseResult parse, ValidationOptionSet validation, WidgetProject project, string projectPath)
    {
        var widget = CommandInput.LoadWidget(project.OutputDirectory);
        var choices = validation.Choices(parse);
        var result = ProjectFindings.Relocate(choices.Validate(widget, console), project, widget);
        var source = Path.IsPathRooted(project.OutputDisplay) ? ReportSource.For(widget, project.OutputDirectory) : ReportSource.For(widget, projectPath);
        WidgetReporter.Write(writer, result, source, ReportFormat.Text,
            new ReportOptions { ToolVersion = CliVersion.Informational, Color = choices.Color(console, writer) });
        return result.HasAtLeast(choices.Threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static int BuildAndValidate(CliConsole console, ParseResult parse, ValidationOptionSet validation, WidgetProject project, string projectPath, BuildOptions options, CancellationToken ct)
    {
        var result = Build(console, project, options, ct);
        if (!result.Succeeded) return result.SetupProblem ? ExitCodes.UsageError : ExitCodes.Findings;
        return ReportOutput(console, console.Out, parse, validation, project, projectPath);
    }

    private static async Task WatchAsync(CliConsole console, ParseResult parse, ValidationOptionSet validation, WidgetProject project, string projectPath, BuildOptions options, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Ctrl+C (and SIGTERM) end the watch with exit code 0, as they end kommo-widget dev.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; Cancel(stop); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Cancel(stop); });
        var gate = new object();
        using var watcher = new ProjectWatcher(project, changed =>
        {
            if (stop.IsCancellationRequested) return;
            lock (gate)
            {
                console.Out.WriteLine($"[watch] changed: {string.Join(", ", changed)}");
                try
                {
                    BuildAndValidate(console, parse, validation, project, projectPath, options, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (UsageException ex)
                {
                    console.Error.WriteLine("error: " + ex.Message);
                }
                console.Out.Flush();
            }
        });
        console.Out.WriteLine($"[watch] watching {project.Root} ({WidgetProject.SourceFolder}/, {WidgetProject.StaticFolder}/, types/, package.json, tsconfig.json); Ctrl+C stops");
        console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        lock (gate)
        {
            console.Out.WriteLine("[watch] stopped");
        }
    }

    private static void Cancel(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped.
        }
    }
}
