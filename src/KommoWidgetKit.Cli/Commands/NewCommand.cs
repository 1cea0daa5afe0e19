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
        var name = new Argument<string>("NAME") { Description = "Widget name, e.g. hello-kommo: gives the display name, the CSS code and the default folder" };
        var platform = CommandInput.PlatformOption("Platform the widget is for; decides the allowed locales (default: kommo)");
        var locales = new Option<string?>("--locales") { Description = "Comma-separated languages, e.g. en,es (default: en for kommo, ru,en for amocrm)", HelpName = "LIST" };
        var locations = new Option<string?>("--locations") { Description = "Comma-separated locations (default: lcard-1,settings)", HelpName = "LIST" };
        var settings = new Option<string[]>("--setting")
        {
            Description = "Add a settings field; types text, pass, users, users_lp, custom (repeatable; default: none)",
            HelpName = "CODE:TYPE[:required]",
            Arity = ArgumentArity.OneOrMore,
            DefaultValueFactory = _ => [],
        };
        var output = CommandInput.OutputOption("DIR", "Folder to write; it must be missing or empty unless --force (default: ./NAME)");
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty (files of the same name are overwritten)" };
        var template = CommandInput.Choice<ScaffoldTemplate>("--template",
            "js: a widget folder in plain JavaScript; ts: a TypeScript project (src/, widget/, package.json) that kommo-widget build turns into dist/ (default: js)",
            ["js", "ts"], ScaffoldOptions.TryParseTemplate);
        var command = new Command("new", "Create a widget with the chosen locales, locations and settings that validates clean.")
        {
            name, platform, locales, locations, settings, output, force, template,
        };
        command.SetAction(parse => CommandInput.Guard(() =>
        {
            string widgetName = parse.GetValue(name)!;
            var kind = parse.GetValue(template) ?? ScaffoldTemplate.Js;
            var options = new ScaffoldOptions
            {
                Template = kind,
                Name = widgetName,
                Platform = parse.GetValue(platform) ?? WidgetPlatform.Kommo,
                Locales = Split(parse.GetValue(locales)),
                Locations = Split(parse.GetValue(locations)) ?? ScaffoldOptions.DefaultLocations,
                Settings = (parse.GetValue(settings) ?? []).Select(ScaffoldSetting.Parse).ToList(),
            };
            string folder = parse.GetValue(output) is { Length: > 0 } o ? o : widgetName;
            var result = WidgetScaffolder.Write(options, folder, parse.GetValue(force));
            console.Out.WriteLine($"created {result.Directory} ({CliText.Count(result.Files.Count, "file")}):");
            foreach (var f in result.Files) console.Out.WriteLine("  " + f.Path);
            console.Out.WriteLine();
            console.Out.WriteLine("next:");
            if (kind == ScaffoldTemplate.Ts)
            {
                console.Out.WriteLine($"  cd {folder} && npm install");
                console.Out.WriteLine("  kommo-widget build --typecheck");
                console.Out.WriteLine("  kommo-widget dev");
                console.Out.WriteLine("  kommo-widget pack");
                return ExitCodes.Clean;
            }
            console.Out.WriteLine($"  kommo-widget validate {folder}");
            console.Out.WriteLine($"  kommo-widget pack {folder}");
            return ExitCodes.Clean;
        }));
        return command;
    }

    private static IReadOnlyList<string>? Split(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return null;
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
