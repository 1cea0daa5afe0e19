using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1020: <c>locations</c> is missing or empty.</summary>
public sealed class LocationsMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationsMissing, "locations-missing", "locations is missing or empty",
        "{0}; list the areas where script.js runs, e.g. [\"settings\"] or [\"lcard-1\", \"settings\"]", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root is not { } root) return;
        switch (root["locations"])
        {
            case null:
                context.Report(Rule, root.Span, "\"locations\" is missing");
                break;
            case JArray { Items.Count: 0 } empty:
                context.Report(Rule, empty.Span, "\"locations\" is empty");
                break;
        }
    }
}
