using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2003: the widget constructor must set <c>this.callbacks</c>; without it Kommo has nothing to call.</summary>
public sealed class CallbacksNotFoundRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CallbacksNotFound, "callbacks-not-found", "No callbacks object",
        "no 'this.callbacks = {{ ... }}' assignment found in script.js{0}; Kommo calls render, init and bind_actions on it",
        RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var main = context.Widget.Script;
        if (main?.Program is null || main.DefineCall is null) return;
        if (context.Widget.Callbacks is not null) return;
        // A loader that only forwards to a module on another origin (dev setups, spec §7.1) is KW2007's case.
        if (CallbacksDynamicRule.RemoteDependency(main) is not null) return;
        context.Report(Rule, main.SpanOf(main.DefineCall.Callee), context.Widget.OwnScripts.Count > 1 ? " or in the widget's other .js files" : "");
    }
}
