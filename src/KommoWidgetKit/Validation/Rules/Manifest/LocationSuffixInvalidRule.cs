using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1023: a suffix on an area that takes none, or a suffix other than 0/1.</summary>
public sealed class LocationSuffixInvalidRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationSuffixInvalid, "location-suffix-invalid", "Location with a suffix it cannot take",
        "location \"{0}\": {1}", RuleCategory.Manifest, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        foreach (var entry in manifest.Locations)
        {
            if (entry.Info is not { } info || entry.Suffix is not { } suffix) continue;
            if (info.Suffix == SuffixRule.Forbidden)
                context.ReportWithFix(Rule, entry.Node.Span, ManifestFacts.RenameLocation(manifest, entry, info.Area, FixSafety.Safe),
                    entry.Raw, $"\"{info.Area}\" takes no suffix; write \"{info.Area}\"");
            else if (suffix is not (0 or 1))
                context.Report(Rule, entry.Node.Span, entry.Raw, $"the suffix must be -1 (block in the right panel) or -0 (script only), e.g. \"{info.Area}-1\"");
        }
    }
}
