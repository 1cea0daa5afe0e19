using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget validate PATH</c>.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "Widget folder or .zip archive", DefaultValueFactory = _ => "." };
        var command = new Command("validate", "Check a widget against everything Kommo requires at upload and moderation.") { path };
        command.SetAction(parse =>
        {
            var widget = LoadOrThrow(parse.GetValue(path)!);
            var result = WidgetValidator.Validate(widget);
            foreach (var d in result.Diagnostics)
                console.Out.WriteLine($"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}");
            console.Out.WriteLine($"{result.ErrorCount} error(s), {result.WarningCount} warning(s), {result.InfoCount} info");
            return result.HasErrors ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    internal static Model.Widget LoadOrThrow(string path)
    {
        try
        {
            return WidgetLoader.Load(path);
        }
        catch (WidgetLoadException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
