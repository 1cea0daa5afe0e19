using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Templates;

/// <summary>KW5001: unbalanced braces or an unclosed comment or string make browsers drop the rest of a stylesheet.</summary>
public sealed class CssUnbalancedRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CssUnbalanced, "css-unbalanced", "CSS is unbalanced",
        "{0}: {1}", RuleCategory.Templates, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, scan) in context.Widget.Stylesheets)
            foreach (var issue in scan.Issues) context.Report(Rule, issue.Span, path, issue.Detail);
    }
}
