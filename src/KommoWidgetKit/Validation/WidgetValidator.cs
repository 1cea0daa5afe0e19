using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation;

/// <summary>Runs every applicable rule over a loaded widget.</summary>
public static class WidgetValidator
{
    /// <summary>Validates <paramref name="widget"/>; findings come back sorted and de-duplicated.</summary>
    public static ValidationResult Validate(Widget widget, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ValidationOptions.Default;
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
        foreach (var rule in RuleCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = rule.Descriptor;
            if ((d.Platforms & platformScope) == 0 || (d.Profiles & profileScope) == 0) continue;
            if (SeverityOf(d) == Severity.Off) continue;
            rule.Check(context);
        }
        return new ValidationResult(bag.ToSortedList(), platform, profile) { PlatformSource = platformSource };
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
