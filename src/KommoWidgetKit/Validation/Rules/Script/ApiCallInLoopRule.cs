using System.Text.RegularExpressions;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2014: Kommo API calls, <c>crm_post</c> and <c>$authorizedAjax</c> inside loops hit rate limits; the public checklist forbids them (spec §5.8).</summary>
/// <remarks>
/// A call counts as inside a loop when it stands in the body (or head) of for, for-in, for-of, while or do-while, or in a
/// function passed to an iteration method (forEach, map, each, filter, reduce, some, every, find …). Any other function
/// boundary ends the loop, so handlers and promise callbacks set up in a loop are not reported.
/// API calls: <c>crm_post</c> and <c>$authorizedAjax</c> always; <c>$.ajax</c>, <c>$.get</c>, <c>$.post</c>, <c>$.getJSON</c>,
/// <c>fetch</c> and <c>axios</c> when a string argument (or its <c>url</c> property) contains <c>/api/v2</c>, <c>/api/v4</c> or <c>/private/api/</c>.
/// </remarks>
public sealed partial class ApiCallInLoopRule : WidgetRule
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

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in ScriptFacts.OwnScripts(context.Widget))
        {
            if (doc.Program is null) continue;
            var iterationCallbacks = new HashSet<Node>(ReferenceEqualityComparer.Instance);
            // An explicit stack: long operator chains nest deeper than recursion allows.
            var stack = new Stack<(Node Node, bool InLoop)>();
            stack.Push((doc.Program, false));
            while (stack.Count > 0)
            {
                var (node, inLoop) = stack.Pop();
                bool childLoop = node switch
                {
                    ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement => true,
                    FunctionExpression or ArrowFunctionExpression or FunctionDeclaration => iterationCallbacks.Contains(node),
                    _ => inLoop,
                };
                if (node is CallExpression call)
                {
                    if (inLoop && ApiCallName(call) is { } name) context.Report(Rule, doc.SpanOf(call), name);
                    if (ScriptFacts.CalleeLast(call.Callee) is { } m && IterationMethods.Contains(m))
                        foreach (var arg in call.Arguments)
                            if (arg is FunctionExpression or ArrowFunctionExpression) iterationCallbacks.Add(arg);
                }
                var children = new List<Node>();
                foreach (var child in node.ChildNodes) children.Add(child);
                for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], childLoop));
            }
        }
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
