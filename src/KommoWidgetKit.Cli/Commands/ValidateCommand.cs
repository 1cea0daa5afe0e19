using System.CommandLine;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget validate PATH</c>: run every check and report the findings.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = CommandInput.WidgetPathArgument();
        var format = CommandInput.Choice<ReportFormat>("--format",
            "Report format: text for people, json for scripts, sarif for GitHub code scanning, github for pull-request annotations (default: text)",
            [.. ReportFormatNames.All], ReportFormatNames.TryParse);
        format.Aliases.Add("-f");
        var output = CommandInput.OutputOption("FILE", "Write the report to FILE instead of standard output; the summary line still goes to standard output");
        var validation = new ValidationOptionSet(cached: true);

        var command = new Command("validate",
            "Check a widget against everything Kommo checks at upload and moderation " +
            "(exit code 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 internal error).")
        {
            path, format, output,
        };
        foreach (var option in validation.All) command.Add(option);
        command.SetAction(parse => Run(console, new ValidateRequest(
            CommandInput.GetPath(parse, path), parse.GetValue(format) ?? ReportFormat.Text, parse.GetValue(output), validation.Choices(parse))));
        return command;
    }

    /// <summary>What one <c>validate</c> asks for.</summary>
    internal sealed record ValidateRequest(string Path, ReportFormat Format, string? Output, ValidationChoices Validation);

    /// <summary>Runs <c>validate</c>; the exit code.</summary>
    internal static int Run(CliConsole console, ValidateRequest request)
    {
        string widgetPath = request.Path;
        var reportFormat = request.Format;
        string? outputPath = request.Output;
        var validation = request.Validation;

        ValidationResult result;
        ReportSource source;
        if (Building.WidgetProject.Find(widgetPath) is { } project)
        {
            // A source project: its widget is the build output in dist/, reported with project paths.
            var built = SourceProjects.LoadOutput(console, project, widgetPath, "validate");
            result = Building.ProjectFindings.Relocate(validation.Validate(built, console), project, built);
            source = ReportSource.For(built, widgetPath);
        }
        else
        {
            var widget = CommandInput.LoadWidget(widgetPath, deferContent: validation.Options.Cache is not null);
            result = validation.Validate(widget, console);
            source = ReportSource.For(widget, widgetPath);
        }
        bool color = validation.Color(console, console.Out);
        if (!string.IsNullOrEmpty(outputPath))
        {
            var report = new StringWriter();
            WidgetReporter.Write(report, result, source, reportFormat, new ReportOptions { ToolVersion = CliVersion.Informational });
            CommandInput.WriteFile(outputPath, report.ToString());
            console.Out.WriteLine($"{TextReportFormatter.Summary(result, source, color)}; {reportFormat.ToName()} report written to {outputPath}");
        }
        else
        {
            WidgetReporter.Write(console.Out, result, source, reportFormat, new ReportOptions { ToolVersion = CliVersion.Informational, Color = color });
        }
        return result.HasAtLeast(validation.Threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
