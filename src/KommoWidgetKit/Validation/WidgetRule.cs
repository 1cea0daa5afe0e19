using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation;

/// <summary>One check. Rules are pure: they read the parsed widget, report findings, do no I/O and never call each other.</summary>
public abstract class WidgetRule
{
    /// <summary>The rule's fixed description.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Runs the check and reports through <paramref name="context"/>.</summary>
    public abstract void Check(RuleContext context);
}

/// <summary>What a rule sees: the widget, the platform and profile, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly DiagnosticBag _bag;
    private readonly Func<DiagnosticDescriptor, Severity> _severity;

    internal RuleContext(Widget widget, WidgetPlatform platform, WidgetProfile profile, WidgetConfig config, DiagnosticBag bag, Func<DiagnosticDescriptor, Severity> severity)
    {
        Widget = widget;
        Config = config;
        Platform = platform;
        Profile = profile;
        _bag = bag;
        _severity = severity;
    }

    /// <summary>The widget being checked.</summary>
    public Widget Widget { get; }

    /// <summary>The widget's configuration file as read (with its problems).</summary>
    public WidgetConfig Config { get; }

    /// <summary>The platform checked for.</summary>
    public WidgetPlatform Platform { get; }

    /// <summary>The profile checked for.</summary>
    public WidgetProfile Profile { get; }

    /// <summary>The manifest, or null when there is none.</summary>
    public ManifestDocument? Manifest => Widget.Manifest;

    /// <summary>The same context reporting into another bag (one per file when scripts are checked in parallel).</summary>
    internal RuleContext WithBag(DiagnosticBag bag) => new(Widget, Platform, Profile, Config, bag, _severity);

    /// <summary>Adds the findings of a bag filled through <see cref="WithBag"/>.</summary>
    internal void Add(DiagnosticBag bag) => _bag.AddAll(bag);

    /// <summary>Reports a finding of <paramref name="descriptor"/> at <paramref name="span"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        var severity = _severity(descriptor);
        if (severity == Severity.Off) return;
        _bag.Add(new Diagnostic(descriptor, severity, Diagnostic.Format(descriptor.MessageFormat, args), span));
    }

    /// <summary>Reports a finding with the repair the rule offers for it (see <see cref="DiagnosticDescriptor.Fixable"/>).</summary>
    public void ReportWithFix(DiagnosticDescriptor descriptor, SourceSpan span, Fixing.Fix fix, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(fix);
        var severity = _severity(descriptor);
        if (severity == Severity.Off) return;
        _bag.Add(new Diagnostic(descriptor, severity, Diagnostic.Format(descriptor.MessageFormat, args), span) { Fix = fix });
    }
}
