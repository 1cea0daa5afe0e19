using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1028: a location known only from the legacy docs (<c>cucard</c>, <c>culist</c>, <c>whatsapp_modal</c>) in a widget checked for Kommo.</summary>
public sealed class LocationLegacyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationLegacy, "location-legacy", "Location documented only in the legacy docs",
        "location \"{0}\" ({1}) appears only in the legacy docs; Kommo's current location list does not have it, so check that it still loads",
        RuleCategory.Manifest, Severity.Info, PlatformScope.Kommo);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var entry in context.Manifest?.Locations ?? [])
            if (entry.Info is { IsLegacy: true } info && (info.Platforms & PlatformScope.Kommo) != 0)
                context.Report(Rule, entry.Node.Span, entry.Raw, info.Title);
    }
}
