using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1035: <c>settings</c> is an empty object while <c>installation</c> is on.</summary>
public sealed class SettingsEmptyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SettingsEmpty, "settings-empty", "settings is empty while installation is true",
        "\"settings\" is empty while widget.installation is true: the install form will have no fields; add fields, or set installation to false",
        RuleCategory.Manifest, Severity.Info);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root?["settings"] is JObject { Properties.Count: 0 } settings
            && ManifestFacts.IsInstallationOn(manifest.WidgetBlock?["installation"]))
            context.Report(Rule, settings.Span);
    }
}
