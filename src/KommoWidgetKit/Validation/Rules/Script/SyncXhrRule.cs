using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2011: synchronous requests freeze the Kommo interface; the public checklist forbids <c>async: false</c> (spec §5.8).</summary>
public sealed class SyncXhrRule : ScriptRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SyncXhr, "sync-xhr", "Synchronous XMLHttpRequest",
        "{0} makes a synchronous request, which freezes the Kommo interface; the public integration checklist forbids async: false",
        RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Register(ScriptFileContext file, ScriptVisitors visitors) => visitors
        .On(NodeType.Property, node =>
        {
            var prop = (Property)node;
            if (IsAsyncKey(prop.Key, prop.Computed) && IsFalse(prop.Value)) file.Report(Rule, prop, "'async: false'");
        })
        .On(NodeType.CallExpression, node =>
        {
            if (node is CallExpression { Callee: MemberExpression { Computed: false, Property: Identifier { Name: "open" } } } call
                && call.Arguments.Count >= 3 && IsFalse(call.Arguments[2]))
                file.Report(Rule, call, "open(method, url, false)");
        });

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
