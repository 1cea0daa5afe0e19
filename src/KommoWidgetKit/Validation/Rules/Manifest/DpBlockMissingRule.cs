using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1040: the <c>digital_pipeline</c> location without a <c>dp</c> block.</summary>
public sealed class DpBlockMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DpBlockMissing, "dp-block-missing", "digital_pipeline without a dp block",
        "location \"digital_pipeline\" needs a top-level \"dp\" block with its \"settings\" and \"action_multiple\"",
        RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root || root.Has("dp")) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == "digital_pipeline" && l.Info is not null);
        if (entry is not null) context.Report(Rule, entry.Node.Span);
    }
}
