using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1060: the manifest has no <c>tour</c> block.</summary>
public sealed class TourMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourMissing, "tour-missing", "tour is missing",
        "there is no \"tour\" block (the slideshow in the install modal); add one with \"is_tour\": true, \"tour_images\" per language and \"tour_description\"",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root is { } root && !root.Has("tour"))
            context.Report(Rule, root.Span);
    }
}
