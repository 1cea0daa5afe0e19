using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1030: <c>widget.installation</c> is on but there is no <c>settings</c> block.</summary>
public sealed class SettingsMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SettingsMissing, "settings-missing", "installation is true but settings is missing",
        "widget.installation is true but there is no \"settings\" block; add the settings fields, or set installation to false if the widget asks for nothing",
        RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root is not { } root || context.Manifest.WidgetBlock is not { } widget) return;
        var installation = widget["installation"];
        if (installation is not null && ManifestFacts.IsInstallationOn(installation) && !root.Has("settings"))
            context.Report(Rule, installation.Span);
    }
}
