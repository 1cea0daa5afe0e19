using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation;

/// <summary>What to check and how strictly.</summary>
public sealed record ValidationOptions
{
    /// <summary>The platform; null means the widget's config file decides, else it is inferred from the locales (<c>ru</c> ⇒ amoCRM).</summary>
    public WidgetPlatform? Platform { get; init; }

    /// <summary>The profile; null means the widget's config file decides, else private.</summary>
    public WidgetProfile? Profile { get; init; }

    /// <summary>Severity per rule ID (or rule name); <see cref="Severity.Off"/> turns a rule off. These win over the config file.</summary>
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Whether to read <see cref="WidgetConfig.FileName"/> from the widget root.</summary>
    public bool UseConfigFile { get; init; } = true;

    /// <summary>Where to keep and look up the findings of unchanged widgets (<see cref="Caching.WidgetCache"/>); null (the
    /// default) validates every time. Findings read back carry no <see cref="Diagnostic.Fix"/>.</summary>
    public Caching.WidgetCache? Cache { get; init; }

    /// <summary>The default options.</summary>
    public static ValidationOptions Default { get; } = new();
}

/// <summary>Where the platform that was checked for came from.</summary>
public enum PlatformSource
{
    /// <summary>The caller's <see cref="ValidationOptions.Platform"/>.</summary>
    Option,
    /// <summary>The widget's <see cref="WidgetConfig.FileName"/>.</summary>
    ConfigFile,
    /// <summary>Inferred from the declared locales.</summary>
    Inferred,
}

/// <summary>The outcome of validation: findings and the platform and profile they were checked for.</summary>
public sealed record ValidationResult(IReadOnlyList<Diagnostic> Diagnostics, WidgetPlatform Platform, WidgetProfile Profile)
{
    /// <summary>Where <see cref="Platform"/> came from.</summary>
    public PlatformSource PlatformSource { get; init; } = PlatformSource.Option;

    /// <summary>The widget's <see cref="WidgetConfig.FileName"/> as read for this validation (empty when not used).</summary>
    public WidgetConfig Config
    {
        get => _config ??= ConfigSource?.Invoke() ?? WidgetConfig.Empty;
        init => _config = value;
    }
    private WidgetConfig? _config;

    // A result read back from the cache reads the config file only if someone asks for it.
    internal Func<WidgetConfig>? ConfigSource { get; init; }

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Number of infos.</summary>
    public int InfoCount => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>True when any finding is at or above <paramref name="threshold"/>.</summary>
    public bool HasAtLeast(Severity threshold) => threshold != Severity.Off && Diagnostics.Any(d => d.Severity >= threshold);
}
