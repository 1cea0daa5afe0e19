using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1024: the same card/list area listed with both <c>-0</c> and <c>-1</c>.</summary>
public sealed class LocationBothSuffixesRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationBothSuffixes, "location-both-suffixes", "Location listed with both -0 and -1",
        "location \"{0}\" conflicts with \"{1}\": an area is either -1 (block in the right panel) or -0 (script only), not both",
        RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var first = new Dictionary<string, LocationEntry>(StringComparer.Ordinal);
        foreach (var entry in context.Manifest?.Locations ?? [])
        {
            if (entry.Info is not { Suffix: SuffixRule.Required } || entry.Suffix is not (null or 0 or 1)) continue;
            if (!first.TryGetValue(entry.Area, out var earlier))
            {
                first[entry.Area] = entry;
                continue;
            }
            // A bare card/list area means -1.
            if ((earlier.Suffix ?? 1) != (entry.Suffix ?? 1))
                context.Report(Rule, entry.Node.Span, entry.Raw, earlier.Raw);
        }
    }
}
