using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1061: <c>tour.is_tour</c> is present and not <c>true</c>.</summary>
public sealed class TourIsTourRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourIsTour, "tour-is-tour", "tour.is_tour is not true",
        "tour.is_tour is {0}; only true is accepted (remove the tour block to have no tour)", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root?.GetObject("tour")?["is_tour"] is { } node and not JBoolean { Value: true })
            context.Report(Rule, node.Span, node.Display);
    }
}
