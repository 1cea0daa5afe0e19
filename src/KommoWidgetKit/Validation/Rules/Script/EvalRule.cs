using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2010: code built from strings at run time; the public checklist forbids <c>eval</c> (spec §5.8).</summary>
public sealed class EvalRule : ScriptRule
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

    // The last part of every name above: a cheap first test before the dotted name is built.
    private static readonly HashSet<string> LastNames = LastParts(EvalNames, FunctionNames, TimerNames);

    // A plain loop: Concat().Select() in a static constructor resolved generic virtual methods at every start (Native AOT).
    private static HashSet<string> LastParts(params HashSet<string>[] sets)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
            foreach (var n in set) parts.Add(n[(n.LastIndexOf('.') + 1)..]);
        return parts;
    }

    /// <inheritdoc />
    public override void Register(ScriptFileContext file, ScriptVisitors visitors) => visitors
        .On(NodeType.CallExpression, node =>
        {
            var c = (CallExpression)node;
            if (Name(c.Callee) is not { } n) return;
            string? what = EvalNames.Contains(n) || FunctionNames.Contains(n) ? n + "(...)"
                : TimerNames.Contains(n) && c.Arguments.Count > 0 && IsStringy(c.Arguments[0]) ? n + " with a string"
                : null;
            if (what is not null) file.Report(Rule, node, what);
        })
        .On(NodeType.NewExpression, node =>
        {
            if (Name(((NewExpression)node).Callee) is { } n && FunctionNames.Contains(n)) file.Report(Rule, node, "new " + n + "(...)");
        });

    private static string? Name(Node callee) =>
        ScriptFacts.CalleeLast(callee) is { } last && LastNames.Contains(last) ? ScriptFacts.CalleeName(callee) : null;

    private static bool IsStringy(Node node) => node switch
    {
        StringLiteral or TemplateLiteral => true,
        BinaryExpression { Operator: Operator.Addition } b => IsStringy(b.Left) || IsStringy(b.Right),
        _ => false,
    };
}
