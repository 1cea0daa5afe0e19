using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
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
        var format = CommandInput.Choice("--format", "Report format: text for people, json for scripts, sarif for GitHub code scanning, github for pull-request annotations",
            "text", [.. ReportFormatNames.All]);
        format.Aliases.Add("-f");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output (the summary still goes to the terminal)", HelpName = "FILE" };
        var platform = new Option<string?>("--platform")
        {
            Description = "Platform to check for (default: \"platform\" in kommo-widget.json, else inferred: amocrm when the manifest declares the ru locale, otherwise kommo)",
            HelpName = "kommo|amocrm",
        };
        platform.AcceptOnlyFromAmong("kommo", "amocrm");
        var profile = new Option<string?>("--profile")
        {
            Description = "Distribution profile: private (one account) or public (marketplace, moderated) (default: \"profile\" in kommo-widget.json, else private)",
            HelpName = "private|public",
        };
        profile.AcceptOnlyFromAmong("private", "public");
        var rule = new Option<string[]>("--rule")
        {
            Description = "Set a rule's severity, e.g. --rule KW1003=off or --rule manifest-duplicate-key=error (off|info|warning|error; repeatable; wins over kommo-widget.json)",
            HelpName = "ID=SEVERITY",
            DefaultValueFactory = _ => [],
        };
        rule.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!TryParseRule(token.Value, out _, out _, out var problem)) result.AddError(problem!);
        });
        var failOn = CommandInput.Choice("--fail-on", "Lowest severity that makes the exit code 1", "error", "error", "warning", "info");
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output (colour is used only on a terminal, and never when NO_COLOR is set)" };

        var command = new Command("validate",
            "Check a widget against everything Kommo checks at upload and moderation " +
            "(exit code 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 internal error).")
        {
            path, format, output, platform, profile, rule, failOn, noColor,
        };
        command.SetAction(parse =>
        {
            string widgetPath = parse.GetValue(path)!;
            ReportFormatNames.TryParse(parse.GetValue(format), out var reportFormat);
            var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
            foreach (var text in parse.GetValue(rule) ?? [])
            {
                TryParseRule(text, out var id, out var severity, out _);
                severities[id!] = severity;
            }
            WidgetPlatform? platformChoice = Locales.TryParsePlatform(parse.GetValue(platform), out var pl) ? pl : null;
            WidgetProfile? profileChoice = Locales.TryParseProfile(parse.GetValue(profile), out var pf) ? pf : null;
            SeverityNames.TryParse(parse.GetValue(failOn), out var threshold);
            string? outputPath = parse.GetValue(output);

            var widget = CommandInput.LoadWidget(widgetPath);
            var result = WidgetValidator.Validate(widget, new ValidationOptions { Platform = platformChoice, Profile = profileChoice, RuleSeverities = severities });

            if (platformChoice is null && (!widget.HasFile(WidgetConfig.FileName) || WidgetConfig.Read(widget).Platform is null))
                console.Error.WriteLine($"note: checking for {WidgetReporter.PlatformName(result.Platform)}, inferred from the manifest locales; choose with --platform or \"platform\" in {WidgetConfig.FileName}");

            var source = ReportSource.For(widget, widgetPath);
            bool toFile = !string.IsNullOrEmpty(outputPath);
            var options = new ReportOptions { ToolVersion = CliVersion.Informational, Color = !toFile && console.UseColor && !parse.GetValue(noColor) };
            if (toFile)
            {
                var report = new StringWriter();
                WidgetReporter.Write(report, result, source, reportFormat, options);
                CommandInput.WriteFile(outputPath!, report.ToString());
                console.Out.WriteLine($"{TextReportFormatter.Summary(result, source, console.UseColor && !parse.GetValue(noColor))}; {reportFormat.ToName()} report written to {outputPath}");
            }
            else
            {
                WidgetReporter.Write(console.Out, result, source, reportFormat, options);
            }
            return result.HasAtLeast(threshold) ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Loads a widget or fails with a usage error; kept for commands written against the first version of this class.</summary>
    internal static Model.Widget LoadOrThrow(string path) => CommandInput.LoadWidget(path);

    /// <summary>Reads <c>ID=SEVERITY</c> (ID or rule name; off, info, warning, error); the problem is a one-line message.</summary>
    public static bool TryParseRule(string text, out string? id, out Severity severity, out string? problem)
    {
        id = null;
        severity = Severity.Off;
        problem = null;
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            problem = $"--rule '{text}' must look like ID=SEVERITY, e.g. KW1003=off";
            return false;
        }
        string name = text[..eq].Trim();
        var rule = RuleCatalog.Find(name);
        if (rule is null)
        {
            problem = $"--rule '{text}': unknown rule '{name}' (use an ID such as KW1001 or a rule name such as manifest-invalid-json)";
            return false;
        }
        if (!SeverityNames.TryParse(text[(eq + 1)..], out severity))
        {
            problem = $"--rule '{text}': severity must be off, info, warning or error";
            return false;
        }
        id = rule.Descriptor.Id;
        return true;
    }
}
