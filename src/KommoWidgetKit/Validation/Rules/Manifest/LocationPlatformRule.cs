using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1026: an amoCRM-only location (<c>amoforms</c>, <c>personal_page</c>) in a widget checked for Kommo.</summary>
public sealed class LocationPlatformRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationPlatform, "location-platform", "amoCRM-only location on Kommo",
        "location \"{0}\" ({1}) exists only on amoCRM; Kommo does not load the widget there (validate with --platform amocrm if the widget is for amoCRM)",
        RuleCategory.Manifest, Severity.Warning, PlatformScope.Kommo);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var entry in context.Manifest?.Locations ?? [])
            if (entry.Info is { } info && (info.Platforms & PlatformScope.Kommo) == 0)
                context.Report(Rule, entry.Node.Span, entry.Raw, info.Title);
    }
}
