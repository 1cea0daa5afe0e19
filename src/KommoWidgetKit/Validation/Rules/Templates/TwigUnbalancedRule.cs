using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Templates;

/// <summary>KW5000: a Twig template with unclosed delimiters or blocks fails to compile in twig.js when the widget renders it.</summary>
public sealed class TwigUnbalancedRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TwigUnbalanced, "twig-unbalanced", "Twig template is unbalanced",
        "{0}: {1}", RuleCategory.Templates, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var template in context.Widget.Templates)
            foreach (var issue in template.Issues)
                context.Report(Rule, issue.Span, template.File.Path, issue.Detail);
    }
}
