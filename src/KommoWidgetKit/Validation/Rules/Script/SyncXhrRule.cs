using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2011: synchronous requests freeze the Kommo interface; the public checklist forbids <c>async: false</c> (spec §5.8).</summary>
public sealed class SyncXhrRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SyncXhr, "sync-xhr", "Synchronous XMLHttpRequest",
        "{0} makes a synchronous request, which freezes the Kommo interface; the public integration checklist forbids async: false",
        RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in ScriptFacts.OwnScripts(context.Widget))
        {
            foreach (var node in doc.AllNodes())
            {
                switch (node)
                {
                    case Property { Key: var key } prop when IsAsyncKey(key, prop.Computed) && IsFalse(prop.Value):
                        context.Report(Rule, doc.SpanOf(prop), "'async: false'");
                        break;
                    case CallExpression { Callee: MemberExpression { Computed: false, Property: Identifier { Name: "open" } } } call
                        when call.Arguments.Count >= 3 && IsFalse(call.Arguments[2]):
                        context.Report(Rule, doc.SpanOf(call), "open(method, url, false)");
                        break;
                }
            }
        }
    }

    private static bool IsAsyncKey(Node key, bool computed) => key switch
    {
        Identifier { Name: "async" } => !computed,
        StringLiteral { Value: "async" } => true,
        _ => false,
    };

    // Minifiers write false as !1.
    private static bool IsFalse(Node node) => node is BooleanLiteral { Value: false }
        || node is UnaryExpression { Operator: Operator.LogicalNot, Argument: NumericLiteral { Value: 1 } };
}
