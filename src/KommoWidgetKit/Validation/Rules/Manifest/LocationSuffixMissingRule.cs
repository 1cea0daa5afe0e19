using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1022: a card or list location without its <c>-0</c>/<c>-1</c> suffix.</summary>
public sealed class LocationSuffixMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationSuffixMissing, "location-suffix-missing", "Card or list location without -0/-1",
        "location \"{0}\" has no -0/-1 suffix; Kommo treats it as \"{0}-1\" (a block in the right panel of the {1}): write \"{0}-1\", or \"{0}-0\" to load the script without a block",
        RuleCategory.Manifest, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        foreach (var entry in manifest.Locations)
            if (entry.Info is { Suffix: SuffixRule.Required } info && entry.Suffix is null)
                context.ReportWithFix(Rule, entry.Node.Span, ManifestFacts.RenameLocation(manifest, entry, info.Area + "-1", FixSafety.Safe), entry.Area, info.Title);
    }
}
