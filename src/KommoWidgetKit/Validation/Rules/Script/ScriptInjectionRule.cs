using System.Text.RegularExpressions;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2013: external scripts must come through define's dependency list, not an injected script element (spec §4.1, §5.8).</summary>
public sealed partial class ScriptInjectionRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ScriptInjection, "script-injection", "Script injected into the page",
        "{0} loads a script outside RequireJS; the public integration checklist requires external scripts to come through define's dependency list",
        RuleCategory.Script, Severity.Warning, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in ScriptFacts.OwnScripts(context.Widget))
        {
            foreach (var node in doc.AllNodes())
            {
                string? what = node switch
                {
                    CallExpression c when ScriptFacts.CalleeLast(c.Callee) == "createElement" && c.Arguments.Count > 0
                                          && c.Arguments[0] is StringLiteral s && s.Value.Trim().Equals("script", StringComparison.OrdinalIgnoreCase)
                        => "document.createElement('script')",
                    CallExpression c when c.Callee is MemberExpression && ScriptFacts.CalleeLast(c.Callee) == "getScript" => "$.getScript(...)",
                    StringLiteral s when ScriptSrc().IsMatch(s.Value) => "markup with <script src=...>",
                    TemplateLiteral t when t.Quasis.Any(q => ScriptSrc().IsMatch(q.Value.Cooked ?? q.Value.Raw)) => "markup with <script src=...>",
                    _ => null,
                };
                if (what is not null) context.Report(Rule, doc.SpanOf(node), what);
            }
        }
    }

    [GeneratedRegex(@"<script\b[^>]*\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();
}
