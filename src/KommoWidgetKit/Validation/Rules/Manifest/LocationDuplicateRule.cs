using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1025: the same location listed twice.</summary>
public sealed class LocationDuplicateRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationDuplicate, "location-duplicate", "Location listed twice",
        "location \"{0}\" is listed more than once", RuleCategory.Manifest, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Locations)
            if (!seen.Add(entry.Raw))
                context.ReportWithFix(Rule, entry.Node.Span, Fix.Safe("Remove the repeated location", () =>
                {
                    var (array, index) = ManifestFacts.LocationItem(manifest, entry);
                    return FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).RemoveItem(array, index));
                }), entry.Raw);
    }
}
