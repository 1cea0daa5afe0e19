using System.CommandLine;
using System.Globalization;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget pack PATH</c>: validate, then write a byte-reproducible widget.zip.</summary>
public static class PackCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "Widget folder (or .zip archive to repack)", DefaultValueFactory = _ => "." };
        var output = new Option<string>("--output", "-o") { Description = "Archive to write (default: widget.zip in the current directory)" };
        var bump = new Option<string?>("--bump") { Description = "Raise widget.version in the source manifest.json first: patch, minor or major" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be shipped and left out; write nothing" };
        var platform = new Option<string?>("--platform") { Description = "Validate for kommo or amocrm (default: from kommo-widget.json or the locales)" };
        var profile = new Option<string?>("--profile") { Description = "Validate as a private or public integration" };
        var rules = new Option<string[]>("--rule") { Description = "Override a rule's severity, e.g. --rule KW1032=off (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("pack", "Validate a widget, then write a reproducible widget.zip with its files at the root.")
        {
            path, output, bump, dryRun, platform, profile, rules,
        };
        command.SetAction(parse => Run(console, new Request(
            parse.GetValue(path)!,
            parse.GetValue(output),
            parse.GetValue(bump),
            parse.GetValue(dryRun),
            parse.GetValue(platform),
            parse.GetValue(profile),
            parse.GetValue(rules) ?? [])));
        return command;
    }

    private sealed record Request(string Path, string? Output, string? Bump, bool DryRun, string? Platform, string? Profile, string[] Rules);

    private static int Run(CliConsole console, Request request)
    {
        var validation = ParseValidationOptions(request.Platform, request.Profile, request.Rules);
        VersionBump? bump = null;
        if (request.Bump is not null)
        {
            if (!VersionBumper.TryParse(request.Bump, out var b))
                throw new UsageException($"--bump must be patch, minor or major, not '{request.Bump}'");
            bump = b;
        }
        string outputPath = Path.GetFullPath(string.IsNullOrWhiteSpace(request.Output) ? "widget.zip" : request.Output);

        var widget = ValidateCommand.LoadOrThrow(request.Path);
        if (bump is not null && widget.SourceKind != WidgetSourceKind.Folder)
            throw new UsageException("--bump edits manifest.json in the widget folder; it cannot change a .zip input");
        if (widget.SourceKind == WidgetSourceKind.Zip && SamePath(widget.Source, outputPath))
            throw new UsageException($"the output '{request.Output}' is the archive being packed; choose another --output");
        string? outputInside = OutputInsideWidget(widget, outputPath, request.Output ?? "widget.zip");

        // Check the bump before validating so a bad version is a usage error, not a half-done pack.
        VersionBumpResult? plannedBump = null;
        if (bump is not null)
            plannedBump = Guard(() => VersionBumper.Bump(File.ReadAllBytes(VersionBumper.ManifestPathOnDisk(widget)), bump.Value));

        var result = WidgetValidator.Validate(widget, validation);
        foreach (var d in result.Diagnostics)
            console.Error.WriteLine($"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}");
        if (result.HasErrors)
        {
            console.Error.WriteLine($"pack refused: {Count(result.ErrorCount, "error")} (and {Count(result.WarningCount, "warning")}); fix the errors and run pack again");
            return ExitCodes.Findings;
        }

        var options = new PackOptions { ExcludePaths = outputInside is null ? [] : [outputInside] };
        if (request.DryRun)
        {
            var selection = WidgetPacker.SelectFiles(widget, options);
            if (plannedBump is not null)
                console.Out.WriteLine($"would bump widget.version {plannedBump.OldVersion} -> {plannedBump.NewVersion}");
            console.Out.WriteLine($"would pack {Count(selection.Included.Count, "file")} ({Bytes(selection.TotalSize)}) from {widget.Source} into {Display(outputPath)}:");
            WriteFiles(console, selection.Included.Select(f => (f.Path, f.Length)));
            if (selection.Excluded.Count > 0)
            {
                console.Out.WriteLine($"left out ({selection.Excluded.Count}):");
                foreach (var e in selection.Excluded) console.Out.WriteLine($"  {e.Path}  ({e.Reason})");
            }
            Guard(options.ResolveTimestamp);
            return ExitCodes.Clean;
        }

        if (plannedBump is not null)
        {
            var done = Guard(() => VersionBumper.BumpOnDisk(widget, bump!.Value));
            console.Out.WriteLine($"bumped widget.version {done.OldVersion} -> {done.NewVersion}");
            widget = ValidateCommand.LoadOrThrow(request.Path);
        }

        PackResult packed;
        try
        {
            packed = WidgetPacker.PackToFile(widget, options, outputPath);
        }
        catch (PackException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{request.Output ?? "widget.zip"}': {ex.Message}");
        }
        WriteFiles(console, packed.Files.Select(f => (f.Path, f.Size)));
        console.Out.WriteLine($"packed {Count(packed.Files.Count, "file")} ({Bytes(packed.TotalSize)}) into {Display(outputPath)} ({Bytes(packed.ArchiveSize)})");
        if (packed.Excluded.Count > 0)
            console.Out.WriteLine($"left out {Count(packed.Excluded.Count, "file")} (see --dry-run)");
        console.Out.WriteLine($"SHA-256 {packed.Sha256}");
        return ExitCodes.Clean;
    }

    // When the output lands inside the widget folder it must be a path pack leaves out, or the next run would ship it.
    private static string? OutputInsideWidget(Widget widget, string outputPath, string shown)
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

    internal static ValidationOptions ParseValidationOptions(string? platform, string? profile, string[] rules)
    {
        WidgetPlatform? pl = null;
        if (platform is not null)
        {
            if (!Locales.TryParsePlatform(platform, out var p)) throw new UsageException($"--platform must be kommo or amocrm, not '{platform}'");
            pl = p;
        }
        WidgetProfile? pr = null;
        if (profile is not null)
        {
            if (!Locales.TryParseProfile(profile, out var p)) throw new UsageException($"--profile must be private or public, not '{profile}'");
            pr = p;
        }
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            int eq = rule.IndexOf('=');
            if (eq <= 0 || eq == rule.Length - 1) throw new UsageException($"--rule takes ID=SEVERITY (e.g. KW1032=off), not '{rule}'");
            string id = rule[..eq].Trim();
            var found = RuleCatalog.Find(id) ?? throw new UsageException($"--rule: unknown rule '{id}'");
            if (!SeverityNames.TryParse(rule[(eq + 1)..], out var severity))
                throw new UsageException($"--rule: severity must be off, info, warning or error, not '{rule[(eq + 1)..]}'");
            severities[found.Descriptor.Id] = severity;
        }
        return new ValidationOptions { Platform = pl, Profile = pr, RuleSeverities = severities };
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PackException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static void WriteFiles(CliConsole console, IEnumerable<(string Path, long Size)> files)
    {
        var list = files.ToList();
        int width = list.Count == 0 ? 1 : list.Max(f => Bytes(f.Size, unit: false).Length);
        foreach (var (p, size) in list)
            console.Out.WriteLine($"  {Bytes(size, unit: false).PadLeft(width)}  {p}");
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Display(string fullPath)
    {
        string rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel;
    }

    private static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string Bytes(long n, bool unit = true) => n.ToString("N0", CultureInfo.InvariantCulture) + (unit ? " bytes" : "");
}
