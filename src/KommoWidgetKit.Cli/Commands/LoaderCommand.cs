using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget loader [PATH] [--url URL] [-o FILE]</c>: write a loader archive to upload to a real account once;
/// its script.js loads the live widget from <c>kommo-widget dev</c>.</summary>
public static class LoaderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = CommandInput.WidgetPathArgument();
        var url = new Option<string?>("--url")
        {
            Description = $"Address of kommo-widget dev the loader loads the widget from (default: {DevLoader.DefaultUrl}, " +
                $"served by kommo-widget dev --https-port {DevLoader.DefaultHttpsPort})",
            HelpName = "URL",
        };
        url.Validators.Add(result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            try
            {
                DevLoader.NormalizeUrl(text);
            }
            catch (PackException ex)
            {
                result.AddError(ex.Message);
            }
        });
        var output = CommandInput.OutputOption("FILE", "Archive to write (default: loader.zip in the current folder)");
        var validation = new ValidationOptionSet();
        var command = new Command("loader",
            "Write a loader archive for a real Kommo account: the widget's manifest, i18n and images, and a script.js that loads the " +
            "live widget from kommo-widget dev. Upload it once as a private integration; then every save shows after a page refresh.")
        {
            path, url, output,
        };
        foreach (var option in validation.All) command.Add(option);
        command.SetAction(parse => Run(console, parse, validation,
            CommandInput.GetPath(parse, path), parse.GetValue(url) ?? DevLoader.DefaultUrl, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, ParseResult parse, ValidationOptionSet validation, string widgetPath, string url, string? output)
    {
        string shownOutput = string.IsNullOrWhiteSpace(output) ? "loader.zip" : output;
        string outputPath = Path.GetFullPath(shownOutput);
        string host = CommandInput.Guard(() => DevLoader.NormalizeUrl(url));
        // A source project: the loader carries what only an upload changes, the manifest, i18n and images of widget/
        // (byte for byte what its build copies into dist/, which dev serves), so it needs no build.
        if (Building.WidgetProject.IsProject(widgetPath)) widgetPath = Path.Combine(widgetPath, Building.WidgetProject.StaticFolder);
        var widget = CommandInput.LoadWidget(widgetPath);
        if (widget.SourceKind == Model.WidgetSourceKind.Zip && string.Equals(Path.GetFullPath(widget.Source), outputPath, StringComparison.Ordinal))
            throw new UsageException($"the output '{shownOutput}' is the archive being read; choose another --output");
        string? inside = PackCommand.OutputInsideWidget(widget, outputPath, shownOutput);

        // The loader archive has no kommo-widget.json of its own, so it is checked with the widget's platform, profile and rules.
        var config = WidgetConfig.Read(widget);
        var options = new PackOptions { ExcludePaths = inside is null ? [] : [inside] };
        var loader = DevLoader.Build(widget, host, options);
        var given = validation.Read(parse);
        var severities = new Dictionary<string, Severity>(config.Rules, StringComparer.OrdinalIgnoreCase);
        foreach (var (id, severity) in given.RuleSeverities) severities[id] = severity;
        var result = WidgetValidator.Validate(loader, given with
        {
            Platform = given.Platform ?? config.Platform,
            Profile = given.Profile ?? config.Profile,
            RuleSeverities = severities,
            UseConfigFile = false,
        });
        var threshold = validation.Threshold(parse);
        WidgetReporter.Write(console.Error, result, ReportSource.For(widget, widgetPath), ReportFormat.Text,
            new ReportOptions { ToolVersion = CliVersion.Informational, Color = validation.Color(parse, console, console.Error) });
        if (result.HasAtLeast(threshold))
        {
            console.Error.WriteLine($"loader refused: findings at or above --fail-on {threshold.ToName()}; Kommo would refuse the upload or the settings form would differ; fix them and run loader again");
            return ExitCodes.Findings;
        }

        var packed = CommandInput.Guard(() => WidgetPacker.PackToFile(loader, PackOptions.Default, outputPath), $"cannot write '{shownOutput}'");
        string hash = DevLoader.UploadHash(widget, options);
        CliText.WriteFiles(console.Out, packed.Files.Select(f => (f.Path, f.Size)));
        console.Out.WriteLine($"wrote the loader ({CliText.Count(packed.Files.Count, "file")}, {CliText.Bytes(packed.ArchiveSize)}) into {shownOutput}");
        console.Out.WriteLine($"it loads the live widget from {host}{(new Uri(host).IsLoopback && host.StartsWith("https:", StringComparison.Ordinal) ? $" (kommo-widget dev --https-port {new Uri(host).Port})" : "")}");
        console.Out.WriteLine($"upload hash {hash} (manifest.json, i18n/, images/): kommo-widget dev says when they change and the loader needs uploading again");
        console.Out.WriteLine($"SHA-256 {packed.Sha256}");
        console.Out.WriteLine("next: upload it once as a private integration (Settings > Integrations > Create integration), then refresh the page after each save; see docs/loader.md");
        return ExitCodes.Clean;
    }
}
