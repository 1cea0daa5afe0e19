using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget fix PATH</c>: apply the repairs rules offer, validate again, say what changed and what is left.</summary>
public static class FixCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "Widget folder (default: ., the current folder); a .zip is refused: fix the source folder, then pack it",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff on standard output and write nothing" };
        var includeUnsafe = new Option<bool>("--unsafe") { Description = "Also apply fixes that guess (a close location name, placeholders, removing legacy keys); listed separately" };
        var rules = new Option<string[]>("--rule")
        {
            Description = "Fix only the findings of this rule, by ID or name (repeatable; default: every rule with a fix)",
            HelpName = "ID",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        rules.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var rule = RuleCatalog.Find(token.Value);
                if (rule is null)
                {
                    result.AddError($"--rule '{token.Value}': unknown rule (use an ID such as KW1006 or a name such as interface-version)");
                    return;
                }
                if (rule.Descriptor.Fixable is null)
                {
                    result.AddError($"--rule '{token.Value}': {rule.Descriptor.Id} {rule.Descriptor.Name} has no fix (see docs/rules/{rule.Descriptor.Id}.md)");
                    return;
                }
            }
        });
        var validation = new ValidationOptionSet();
        var command = new Command("fix",
            "Apply the safe repairs of the findings that have one (BOM, line endings, strict JSON, missing translations, location names …), " +
            "validate again and report what changed and what is left (exit code 1 when findings at or above --fail-on remain).")
        {
            path, dryRun, includeUnsafe, rules, validation.Platform, validation.Profile, validation.FailOn, validation.NoColor,
        };
        command.SetAction(parse => Run(console, parse, validation, new Request(
            parse.GetValue(path) ?? ".", parse.GetValue(dryRun), parse.GetValue(includeUnsafe), parse.GetValue(rules) ?? [])));
        return command;
    }

    private sealed record Request(string Path, bool DryRun, bool Unsafe, string[] Rules);

    private static int Run(CliConsole console, ParseResult parse, ValidationOptionSet validation, Request request)
    {
        if (Building.WidgetProject.IsProject(request.Path))
            throw new UsageException($"'{request.Path}' is a source project: run fix on {Path.Combine(request.Path, Building.WidgetProject.StaticFolder)} " +
                "(its manifest, i18n and images); script.js is built from src/, so its findings are fixed there");
        var widget = CommandInput.LoadWidget(request.Path);
        if (widget.SourceKind != WidgetSourceKind.Folder)
            throw new UsageException("fix edits a widget folder and cannot change a .zip: unpack it (unzip widget.zip -d widget), run fix on the folder, then pack it again");

        var options = new FixOptions
        {
            IncludeUnsafe = request.Unsafe,
            Rules = request.Rules,
            Validation = new ValidationOptions { Platform = parse.GetValue(validation.Platform), Profile = parse.GetValue(validation.Profile) },
        };
        var result = WidgetFixer.Compute(widget, options);
        if (result.After.PlatformSource == PlatformSource.Inferred)
            console.Error.WriteLine($"note: checking for {WidgetReporter.PlatformName(result.After.Platform)}, inferred from the manifest locales; choose with --platform or \"platform\" in {WidgetConfig.FileName}");

        var output = request.DryRun ? console.Error : console.Out;
        if (request.DryRun)
        {
            foreach (var change in result.Changes)
                console.Out.Write(UnifiedDiff.Render(change.Path, change.Before, change.After));
        }
        else
        {
            try
            {
                WidgetFixer.Write(result);
            }
            catch (FixException ex)
            {
                throw new UsageException(ex.Message);
            }
        }

        WriteApplied(output, result, request.DryRun);
        WriteNotApplied(output, result, request);
        var source = ReportSource.For(result.Fixed, request.Path);
        bool color = validation.Color(parse, console, output);
        if (result.After.Diagnostics.Count > 0) output.WriteLine(request.DryRun ? "left after these fixes:" : "left:");
        WidgetReporter.Write(output, result.After, source, ReportFormat.Text, new ReportOptions { ToolVersion = CliVersion.Informational, Color = color });
        return result.After.HasAtLeast(validation.Threshold(parse)) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static void WriteApplied(TextWriter output, FixResult result, bool dryRun)
    {
        if (result.Applied.Count == 0)
        {
            output.WriteLine("nothing to fix");
            return;
        }
        int files = result.Changes.Count;
        output.WriteLine($"{(dryRun ? "would fix" : "fixed")} {CliText.Count(result.Applied.Count, "finding")} in {CliText.Count(files, "file")}:");
        foreach (var change in result.Changes)
        {
            output.WriteLine($"  {change.Path}{(change.Created ? " (new)" : "")}");
            foreach (var fix in result.Applied.Where(a => a.Paths.Contains(change.Path)))
            {
                string at = fix.Finding.Span.Path == change.Path && fix.Finding.Span.HasPosition ? $" (line {fix.Finding.Span.StartLine})" : "";
                output.WriteLine($"    {fix.Finding.Id} {fix.Title}{at}{(fix.Safety == FixSafety.Unsafe ? " [unsafe]" : "")}");
            }
        }
    }

    private static void WriteNotApplied(TextWriter output, FixResult result, Request request)
    {
        var unsafeLeft = result.NotApplied.Where(d => d.Fix!.Safety == FixSafety.Unsafe && !request.Unsafe).ToList();
        if (unsafeLeft.Count == 0) return;
        output.WriteLine($"{CliText.Count(unsafeLeft.Count, "unsafe fix", "unsafe fixes")} not applied (check them, then run fix --unsafe):");
        foreach (var d in unsafeLeft)
            output.WriteLine($"  {d.Span} {d.Id} {d.Fix!.Title}");
    }
}
