using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation;

/// <summary>Runs every applicable rule over a loaded widget.</summary>
public static class WidgetValidator
{
    /// <summary>Validates <paramref name="widget"/>; findings come back sorted and de-duplicated.</summary>
    public static ValidationResult Validate(Widget widget, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(widget);
        options ??= ValidationOptions.Default;
        if (options.Cache is not { } cache) return ValidateNow(widget, options, cancellationToken);

        // Validation is a function of the files, how they were loaded and the options: an unchanged widget's findings are read back.
        var (slot, key) = Caching.ValidationCache.Identify(widget, options);
        if (Caching.ValidationCache.TryRead(cache, slot, key, () => options.UseConfigFile ? WidgetConfig.Read(widget) : WidgetConfig.Empty) is { } hit)
            return hit;
        var result = ValidateNow(widget, options, cancellationToken);
        Caching.ValidationCache.Write(cache, slot, key, result);
        return result;
    }

    private static ValidationResult ValidateNow(Widget widget, ValidationOptions options, CancellationToken cancellationToken)
    {
        var config = options.UseConfigFile ? WidgetConfig.Read(widget) : WidgetConfig.Empty;
        var platform = options.Platform ?? config.Platform ?? InferPlatform(widget);
        var platformSource = options.Platform is not null ? PlatformSource.Option
            : config.Platform is not null ? PlatformSource.ConfigFile
            : PlatformSource.Inferred;
        var profile = options.Profile ?? config.Profile ?? WidgetProfile.Private;

        var severities = new Dictionary<string, Severity>(config.Rules, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options.RuleSeverities)
        {
            var rule = RuleCatalog.Find(key);
            severities[rule?.Descriptor.Id ?? key] = value;
        }
        Severity SeverityOf(DiagnosticDescriptor d) => severities.TryGetValue(d.Id, out var s) ? s : d.DefaultSeverity;

        var bag = new DiagnosticBag();
        var context = new RuleContext(widget, platform, profile, config, bag, SeverityOf);

        var platformScope = platform == WidgetPlatform.AmoCrm ? PlatformScope.AmoCrm : PlatformScope.Kommo;
        var profileScope = profile == WidgetProfile.Public ? ProfileScope.Public : ProfileScope.Private;
        // An archive (or an input) that could not be read at all has no files: the archive finding says what is wrong, and
        // "manifest.json is missing", "logo missing" and the like would only repeat it.
        bool unreadableArchive = widget.Files.Count == 0 && widget.LoadIssues.Any(i =>
            (i.Kind is LoadIssueKind.Corrupt or LoadIssueKind.Unreadable or LoadIssueKind.TotalTooLarge) && i.Path.Length == 0);
        var scriptRules = new List<ScriptRule>();
        var otherRules = new List<WidgetRule>();
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            if ((d.Platforms & platformScope) == 0 || (d.Profiles & profileScope) == 0) continue;
            if (SeverityOf(d) == Severity.Off) continue;
            if (rule is ScriptRule scriptRule) scriptRules.Add(scriptRule);
            else if (!unreadableArchive || d.Category == RuleCategory.Archive) otherRules.Add(rule);
        }
        // The widget's own scripts are parsed (in parallel when there is much code) and walked once each, for all the script
        // rules and the model's shared facts together, before the other rules read those facts.
        CheckScripts(widget, scriptRules, context, cancellationToken);
        foreach (var rule in otherRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rule.Check(context);
        }
        return new ValidationResult(bag.ToSortedList(), platform, profile) { PlatformSource = platformSource, Config = config };
    }

    /// <summary>Own code above this many characters is parsed and walked on all cores.</summary>
    private const int ParallelThreshold = 256 * 1024;

    private static void CheckScripts(Widget widget, List<ScriptRule> rules, RuleContext context, CancellationToken cancellationToken)
    {
        var scripts = widget.OwnScripts;
        if (scripts.Count == 0) return;
        long size = 0;
        foreach (var doc in scripts) size += doc.File.Length;
        if (scripts.Count > 1 && size > ParallelThreshold && Environment.ProcessorCount > 1)
        {
            // Each file reports into its own bag, merged in file order afterwards; the output is sorted anyway.
            var bags = new DiagnosticBag[scripts.Count];
            Parallel.For(0, scripts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                bags[i] = new DiagnosticBag();
                CheckScript(scripts[i], rules, context.WithBag(bags[i]));
            });
            foreach (var b in bags) context.Add(b);
            return;
        }
        foreach (var doc in scripts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckScript(doc, rules, context);
        }
    }

    private static void CheckScript(ScriptDocument doc, List<ScriptRule> rules, RuleContext context)
    {
        ScriptRule.Walk(doc, rules, context);
        // Later rules read script.js's nodes; of the other modules only values (dependencies, callbacks) are read again.
        if (!ReferenceEquals(doc, context.Widget.Script)) doc.ReleaseTree();
    }

    /// <summary>The platform a widget is most likely for: amoCRM when it declares the <c>ru</c> locale, else Kommo.</summary>
    public static WidgetPlatform InferPlatform(Widget widget)
    {
        var locales = widget.Manifest?.Locales ?? [];
        if (locales.Contains("ru")) return WidgetPlatform.AmoCrm;
        if (locales.Count == 0 && widget.I18n.Any(d => d.Locale == "ru")) return WidgetPlatform.AmoCrm;
        return WidgetPlatform.Kommo;
    }
}
