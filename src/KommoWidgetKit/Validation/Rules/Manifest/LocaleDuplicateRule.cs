using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1009: a language appears twice in <c>widget.locale</c>.</summary>
public sealed class LocaleDuplicateRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocaleDuplicate, "locale-duplicate", "A locale is listed twice",
        "locale \"{0}\" is listed more than once in widget.locale", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in context.Manifest?.LocaleNodes ?? [])
            if (!seen.Add(node.Value))
                context.Report(Rule, node.Span, node.Value);
    }
}
