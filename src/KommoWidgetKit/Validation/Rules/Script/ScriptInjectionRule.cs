using System.Text.RegularExpressions;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2013: external scripts must come through define's dependency list, not an injected script element (spec §4.1, §5.8).</summary>
public sealed partial class ScriptInjectionRule : ScriptRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ScriptInjection, "script-injection", "Script injected into the page",
        "{0} loads a script outside RequireJS; the public integration checklist requires external scripts to come through define's dependency list",
        RuleCategory.Script, Severity.Warning, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Register(ScriptFileContext file, ScriptVisitors visitors) => visitors
        .On(NodeType.CallExpression, node =>
        {
            var c = (CallExpression)node;
            string? last = ScriptFacts.CalleeLast(c.Callee);
            if (last == "createElement" && c.Arguments.Count > 0 && c.Arguments[0] is StringLiteral s
                && s.Value.AsSpan().Trim().Equals("script", StringComparison.OrdinalIgnoreCase))
                file.Report(Rule, node, "document.createElement('script')");
            else if (last == "getScript" && c.Callee is MemberExpression)
                file.Report(Rule, node, "$.getScript(...)");
        })
        .On(NodeType.Literal, node =>
        {
            if (node is StringLiteral s && HasScriptSrc(s.Value)) file.Report(Rule, node, "markup with <script src=...>");
        })
        .On(NodeType.TemplateLiteral, node =>
        {
            foreach (var q in ((TemplateLiteral)node).Quasis)
                if (HasScriptSrc(q.Value.Cooked ?? q.Value.Raw))
                {
                    file.Report(Rule, node, "markup with <script src=...>");
                    return;
                }
        });

    // Most strings hold no "<script" at all: a plain search before the pattern.
    private static bool HasScriptSrc(string text) =>
        text.Contains("<script", StringComparison.OrdinalIgnoreCase) && ScriptSrc().IsMatch(text);

    [GeneratedRegex(@"<script\b[^>]*\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();
}
