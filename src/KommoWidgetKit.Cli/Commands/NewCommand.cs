using System.CommandLine;
using KommoWidgetKit.Model;
using KommoWidgetKit.Scaffolding;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget new NAME</c>: scaffold a widget that validates clean.</summary>
public static class NewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Widget name, e.g. hello-kommo (also the default folder)" };
        var locales = new Option<string?>("--locales") { Description = "Comma-separated languages (default: en for kommo, ru,en for amocrm)" };
        var locations = new Option<string?>("--locations") { Description = "Comma-separated locations (default: lcard-1,settings)" };
        var platform = new Option<string?>("--platform") { Description = "kommo (default) or amocrm" };
        var settings = new Option<string[]>("--setting") { Description = "A settings field code:type[:required]; types text, pass, users, users_lp, custom (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write (default: ./NAME)" };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty (files of the same name are overwritten)" };
        var command = new Command("new", "Create a widget with the chosen locales, locations and settings that validates clean.")
        {
            name, locales, locations, platform, settings, output, force,
        };
        command.SetAction(parse =>
        {
            string widgetName = parse.GetValue(name)!;
            var pl = WidgetPlatform.Kommo;
            if (parse.GetValue(platform) is { } p && !Locales.TryParsePlatform(p, out pl))
                throw new UsageException($"--platform must be kommo or amocrm, not '{p}'");
            try
            {
                var options = new ScaffoldOptions
                {
                    Name = widgetName,
                    Platform = pl,
                    Locales = Split(parse.GetValue(locales)),
                    Locations = Split(parse.GetValue(locations)) ?? ScaffoldOptions.DefaultLocations,
                    Settings = (parse.GetValue(settings) ?? []).Select(ScaffoldSetting.Parse).ToList(),
                };
                string folder = parse.GetValue(output) is { Length: > 0 } o ? o : widgetName;
                var result = WidgetScaffolder.Write(options, folder, parse.GetValue(force));
                console.Out.WriteLine($"created {result.Directory} ({result.Files.Count} files):");
                foreach (var f in result.Files) console.Out.WriteLine("  " + f.Path);
                console.Out.WriteLine();
                console.Out.WriteLine("next:");
                console.Out.WriteLine($"  kommo-widget validate {folder}");
                console.Out.WriteLine($"  kommo-widget pack {folder}");
                return ExitCodes.Clean;
            }
            catch (ScaffoldException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException(ex.Message);
            }
        });
        return command;
    }

    private static IReadOnlyList<string>? Split(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return null;
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
