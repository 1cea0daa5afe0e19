using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2006: a known callback set to a literal (<c>render: true</c>) is not callable, so Kommo's call fails.</summary>
/// <remarks>Only values that can never be functions are reported (literals, object and array literals); identifiers
/// and calls such as <c>fn.bind(self)</c> may well be functions.</remarks>
public sealed class CallbackNotFunctionRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CallbackNotFunction, "callback-not-function", "A callback is not a function",
        "callback '{0}' is {1}, not a function; Kommo calls it", RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Widget.Callbacks is not { Shape: CallbacksShape.Literal } view) return;
        foreach (var entry in view.Members)
        {
            if (entry.IsMethod || !ScriptFacts.KnownCallbacks.Contains(entry.Name)) continue;
            string? what = entry.Value switch
            {
                BooleanLiteral b => b.Value ? "true" : "false",
                NullLiteral => "null",
                NumericLiteral => "a number",
                StringLiteral or TemplateLiteral => "a string",
                ArrayExpression => "an array",
                ObjectExpression => "an object",
                Identifier { Name: "undefined" } => "undefined",
                _ => null,
            };
            if (what is not null) context.Report(Rule, view.Document.SpanOf(entry.Key), entry.Name, what);
        }
    }
}
