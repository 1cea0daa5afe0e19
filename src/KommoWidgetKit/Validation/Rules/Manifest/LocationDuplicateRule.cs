using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1025: the same location listed twice.</summary>
public sealed class LocationDuplicateRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationDuplicate, "location-duplicate", "Location listed twice",
        "location \"{0}\" is listed more than once", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.Manifest?.Locations ?? [])
            if (!seen.Add(entry.Raw))
                context.Report(Rule, entry.Node.Span, entry.Raw);
    }
}
