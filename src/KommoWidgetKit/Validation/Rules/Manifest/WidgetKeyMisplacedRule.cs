using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1016: a top-level block (tour, locations, settings …) written inside <c>widget</c>, where Kommo does not read it.</summary>
public sealed class WidgetKeyMisplacedRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.WidgetKeyMisplaced, "widget-key-misplaced", "A top-level key is written inside the widget block",
        "widget.{0} is not read there: \"{0}\" is a top-level key, a sibling of \"widget\"", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock is not { } widget) return;
        foreach (var p in widget.DistinctProperties)
            if (p.Name != "widget" && ManifestFacts.TopLevelKeys.Contains(p.Name, StringComparer.Ordinal))
                context.Report(Rule, ManifestFacts.NameSpan(p), p.Name);
    }
}
