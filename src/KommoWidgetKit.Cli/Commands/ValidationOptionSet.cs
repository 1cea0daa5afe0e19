using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>The validation options <c>validate</c> and <c>pack</c> share (<c>--platform</c>, <c>--profile</c>, <c>--rule</c>,
/// <c>--fail-on</c>, <c>--no-color</c>): one definition, so names, help, parsing and error messages are the same in both.</summary>
public sealed class ValidationOptionSet(bool cached = false)
{
    /// <summary><c>--no-cache</c>, offered by the commands that keep results for unchanged widgets (<see cref="Caching.WidgetCache"/>).</summary>
    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Check (and compress) everything again instead of reusing what was kept for unchanged files (also KOMMO_WIDGET_NO_CACHE=1; the cache lives in KOMMO_WIDGET_CACHE_DIR, else ~/.cache/kommo-widget)",
    };

    /// <summary><c>--platform kommo|amocrm</c>.</summary>
    public Option<WidgetPlatform?> Platform { get; } = CommandInput.PlatformOption(
        "Platform to check for (default: \"platform\" in kommo-widget.json, else amocrm when the manifest declares the ru locale, otherwise kommo)");

    /// <summary><c>--profile private|public</c>.</summary>
    public Option<WidgetProfile?> Profile { get; } = CommandInput.Choice<WidgetProfile>("--profile",
        "Distribution profile: private (one account) or public (marketplace, moderated) (default: \"profile\" in kommo-widget.json, else private)",
        ["private", "public"], Locales.TryParseProfile);

    /// <summary><c>--rule ID=SEVERITY</c>, repeatable.</summary>
    public Option<string[]> Rules { get; } = RuleOption();

    /// <summary><c>--fail-on error|warning|info</c>.</summary>
    public Option<Severity?> FailOn { get; } = CommandInput.Choice<Severity>("--fail-on",
        "Fail (exit code 1) on findings of this severity or higher (default: error)",
        ["error", "warning", "info"], (string? text, out Severity severity) => SeverityNames.TryParse(text, out severity) && severity != Severity.Off);

    /// <summary><c>--no-color</c>.</summary>
    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour the output (colour is used only on a terminal, and never when NO_COLOR is set)",
    };

    /// <summary>The options in the order help lists them.</summary>
    public IEnumerable<Option> All => cached ? [Platform, Profile, Rules, FailOn, NoColor, NoCache] : [Platform, Profile, Rules, FailOn, NoColor];

    /// <summary>The cache to use: none without <c>cached</c>, with <c>--no-cache</c> or when the environment turns it off.</summary>
    public Caching.WidgetCache? Cache(ParseResult parse) => cached && !parse.GetValue(NoCache) ? Caching.WidgetCache.FromEnvironment() : null;

    /// <summary>The validator's options from the command line (what is not given comes from kommo-widget.json or defaults).</summary>
    public ValidationOptions Read(ParseResult parse)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in parse.GetValue(Rules) ?? [])
        {
            // The option's validator has already refused anything TryParseRule does not accept.
            if (TryParseRule(text, out var id, out var severity, out _)) severities[id!] = severity;
        }
        return new ValidationOptions { Platform = parse.GetValue(Platform), Profile = parse.GetValue(Profile), RuleSeverities = severities, Cache = Cache(parse) };
    }

    /// <summary>The lowest severity that fails the command.</summary>
    public Severity Threshold(ParseResult parse) => parse.GetValue(FailOn) ?? ValidationChoices.DefaultThreshold;

    /// <summary>Whether text written to <paramref name="target"/> may be coloured: a terminal, NO_COLOR unset and no <c>--no-color</c>.</summary>
    public bool Color(ParseResult parse, CliConsole console, TextWriter target) => !parse.GetValue(NoColor) && console.ColorAllowed(target);

    /// <summary>Everything these options chose on the command line.</summary>
    public ValidationChoices Choices(ParseResult parse) => new(Read(parse), Threshold(parse), parse.GetValue(NoColor));

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

    private static Option<string[]> RuleOption()
    {
        var rule = new Option<string[]>("--rule")
        {
            Description = "Set a rule's severity by ID or name, e.g. --rule KW1003=off or --rule manifest-duplicate-key=error " +
                "(off|info|warning|error; repeatable; wins over kommo-widget.json)",
            HelpName = "ID=SEVERITY",
            Arity = ArgumentArity.OneOrMore,
            DefaultValueFactory = _ => [],
        };
        rule.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!TryParseRule(token.Value, out _, out _, out var problem))
                {
                    result.AddError(problem!);
                    return;
                }
            }
        });
        return rule;
    }
}

/// <summary>What the validation options of one command line chose: the validator's options (with the cache, if any),
/// the <c>--fail-on</c> threshold and <c>--no-color</c>.</summary>
public sealed record ValidationChoices(ValidationOptions Options, Severity Threshold, bool NoColor)
{
    /// <summary>The <c>--fail-on</c> severity when none is given.</summary>
    public const Severity DefaultThreshold = Severity.Error;

    /// <summary>No option given: everything from kommo-widget.json or the defaults, the cache as the environment says
    /// when <paramref name="cached"/>.</summary>
    public static ValidationChoices Defaults(bool cached) =>
        new(new ValidationOptions { Cache = cached ? Caching.WidgetCache.FromEnvironment() : null }, DefaultThreshold, false);

    /// <summary>Whether text written to <paramref name="target"/> may be coloured.</summary>
    public bool Color(CliConsole console, TextWriter target) => !NoColor && console.ColorAllowed(target);

    /// <summary>Validates <paramref name="widget"/>; when the platform was inferred, says so on stderr.</summary>
    public ValidationResult Validate(Widget widget, CliConsole console)
    {
        var result = WidgetValidator.Validate(widget, Options);
        if (result.PlatformSource == PlatformSource.Inferred)
            console.Error.WriteLine($"note: checking for {WidgetReporter.PlatformName(result.Platform)}, inferred from the manifest locales; choose with --platform or \"platform\" in {WidgetConfig.FileName}");
        return result;
    }
}
