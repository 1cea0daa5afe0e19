using System.Text.RegularExpressions;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2014: Kommo API calls, <c>crm_post</c> and <c>$authorizedAjax</c> inside loops hit rate limits; the public checklist forbids them (spec §5.8).</summary>
/// <remarks>
/// A call counts as inside a loop when it stands in the body (or head) of for, for-in, for-of, while or do-while, or in a
/// function passed to an iteration method (forEach, map, each, filter, reduce, some, every, find …). Any other function
/// boundary ends the loop, so handlers and promise callbacks set up in a loop are not reported.
/// API calls: <c>crm_post</c> and <c>$authorizedAjax</c> always; <c>$.ajax</c>, <c>$.get</c>, <c>$.post</c>, <c>$.getJSON</c>,
/// <c>fetch</c> and <c>axios</c> when a string argument (or its <c>url</c> property) contains <c>/api/v2</c>, <c>/api/v4</c> or <c>/private/api/</c>.
/// </remarks>
public sealed partial class ApiCallInLoopRule : ScriptRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ApiCallInLoop, "api-call-in-loop", "API call inside a loop",
        "{0} is called inside a loop; the public integration checklist forbids Kommo API calls, crm_post and $authorizedAjax in loops: batch the request",
        RuleCategory.Script, Severity.Info, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    private static readonly HashSet<string> IterationMethods = new(StringComparer.Ordinal)
    {
        "forEach", "map", "each", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex", "flatMap", "times",
    };

    private static readonly HashSet<string> AlwaysApi = new(StringComparer.Ordinal) { "crm_post", "$authorizedAjax" };
    private static readonly HashSet<string> HttpCalls = new(StringComparer.Ordinal) { "ajax", "get", "post", "getJSON", "fetch", "axios" };

    private static readonly NodeType[] Loops =
        [NodeType.ForStatement, NodeType.ForInStatement, NodeType.ForOfStatement, NodeType.WhileStatement, NodeType.DoWhileStatement];
    private static readonly NodeType[] Functions = [NodeType.FunctionExpression, NodeType.ArrowFunctionExpression, NodeType.FunctionDeclaration];

    /// <inheritdoc />
    public override void Register(ScriptFileContext file, ScriptVisitors visitors)
    {
        // Whether the code being walked runs once per iteration: a loop body does; a function does only when it is the
        // callback of an iteration method (items.forEach(function () {…})), otherwise it runs when it is called.
        var inLoop = new Stack<bool>();
        var iterationCallbacks = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        visitors
            .On(Loops, _ => inLoop.Push(true))
            .OnExit(Loops, _ => inLoop.Pop())
            .On(Functions, node => inLoop.Push(iterationCallbacks.Contains(node)))
            .OnExit(Functions, _ => inLoop.Pop())
            .On(NodeType.CallExpression, node =>
            {
                var call = (CallExpression)node;
                if (inLoop.Count > 0 && inLoop.Peek() && ApiCallName(call) is { } name) file.Report(Rule, call, name);
                if (ScriptFacts.CalleeLast(call.Callee) is { } m && IterationMethods.Contains(m))
                    foreach (var arg in call.Arguments)
                        if (arg is FunctionExpression or ArrowFunctionExpression) iterationCallbacks.Add(arg);
            });
    }

    private static string? ApiCallName(CallExpression call)
    {
        string? last = ScriptFacts.CalleeLast(call.Callee);
        if (last is null) return null;
        if (AlwaysApi.Contains(last)) return last;
        if (!HttpCalls.Contains(last)) return null;
        foreach (var arg in call.Arguments)
        {
            if (HasApiUrl(arg)) return ScriptFacts.CalleeName(call.Callee) ?? last;
            if (arg is ObjectExpression obj)
                foreach (var p in obj.Properties.OfType<Property>())
                    if (p.Key is Identifier { Name: "url" } or StringLiteral { Value: "url" } && HasApiUrl(p.Value))
                        return ScriptFacts.CalleeName(call.Callee) ?? last;
        }
        return null;
    }

    private static bool HasApiUrl(Node node) => node switch
    {
        StringLiteral s => ApiPath().IsMatch(s.Value),
        TemplateLiteral t => t.Quasis.Any(q => ApiPath().IsMatch(q.Value.Cooked ?? q.Value.Raw)),
        BinaryExpression b => HasApiUrl(b.Left) || HasApiUrl(b.Right),
        _ => false,
    };

    [GeneratedRegex(@"/api/v[24]\b|/private/api/")]
    private static partial Regex ApiPath();
}
