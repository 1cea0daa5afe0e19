using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1041: a <c>dp</c> block without <c>action_multiple</c>.</summary>
public sealed class DpActionMultipleRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DpActionMultiple, "dp-action-multiple", "dp without action_multiple",
        "\"dp\" has no \"action_multiple\"; add \"action_multiple\": false (true when the action spans several stages)",
        RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        // A non-boolean value is KW1004's.
        if (context.Manifest?.Root?["dp"] is JObject dp && !dp.Has("action_multiple"))
            context.Report(Rule, dp.Span);
    }
}
