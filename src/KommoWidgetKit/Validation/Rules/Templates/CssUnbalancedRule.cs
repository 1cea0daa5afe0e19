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
        foreach (var file in context.Widget.Files)
        {
            if (file.Extension != ".css") continue;
            var scan = CssScanner.Scan(file.Path, Parsing.TextAnalysis.Decode(file.Content.Span));
            foreach (var issue in scan.Issues) context.Report(Rule, issue.Span, file.Path, issue.Detail);
        }
    }
}
