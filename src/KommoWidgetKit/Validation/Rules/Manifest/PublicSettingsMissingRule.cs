using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1036: the public checklist wants a <c>settings</c> block even when <c>installation</c> is false.</summary>
public sealed class PublicSettingsMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.PublicSettingsMissing, "public-settings-missing", "Public integration without a settings block",
        "there is no \"settings\" block; the public integration checklist requires one in every manifest (an empty object is enough when installation is false)",
        RuleCategory.Manifest, Severity.Warning, PlatformScope.Both, ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root is not { } root || context.Manifest.WidgetBlock is not { } widget) return;
        if (root.Has("settings")) return;
        // With installation on, KW1030 already reports the missing block as an error.
        if (ManifestFacts.IsInstallationOn(widget["installation"])) return;
        context.Report(Rule, root.Span);
    }
}
