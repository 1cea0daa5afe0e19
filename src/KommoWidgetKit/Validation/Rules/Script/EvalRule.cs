using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2010: code built from strings at run time; the public checklist forbids <c>eval</c> (spec §5.8).</summary>
public sealed class EvalRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.Eval, "eval", "eval or code from strings",
        "{0} runs code built from a string; the public integration checklist forbids eval", RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    private static readonly HashSet<string> EvalNames = new(StringComparer.Ordinal) { "eval", "window.eval", "globalThis.eval", "$.globalEval", "jQuery.globalEval" };
    private static readonly HashSet<string> FunctionNames = new(StringComparer.Ordinal) { "Function", "window.Function", "globalThis.Function" };
    private static readonly HashSet<string> TimerNames = new(StringComparer.Ordinal) { "setTimeout", "setInterval", "window.setTimeout", "window.setInterval", "globalThis.setTimeout", "globalThis.setInterval" };

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in ScriptFacts.OwnScripts(context.Widget))
        {
            foreach (var node in doc.AllNodes())
            {
                string? what = node switch
                {
                    CallExpression c when ScriptFacts.CalleeName(c.Callee) is { } n && EvalNames.Contains(n) => n + "(...)",
                    CallExpression c when ScriptFacts.CalleeName(c.Callee) is { } n && FunctionNames.Contains(n) => n + "(...)",
                    NewExpression ne when ScriptFacts.CalleeName(ne.Callee) is { } n && FunctionNames.Contains(n) => "new " + n + "(...)",
                    CallExpression c when ScriptFacts.CalleeName(c.Callee) is { } n && TimerNames.Contains(n) && c.Arguments.Count > 0 && IsStringy(c.Arguments[0]) => n + " with a string",
                    _ => null,
                };
                if (what is not null) context.Report(Rule, doc.SpanOf(node), what);
            }
        }
    }

    private static bool IsStringy(Node node) => node switch
    {
        StringLiteral or TemplateLiteral => true,
        BinaryExpression { Operator: Operator.Addition } b => IsStringy(b.Left) || IsStringy(b.Right),
        _ => false,
    };
}
