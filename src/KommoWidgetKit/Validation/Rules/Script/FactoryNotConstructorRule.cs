using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2008: the define factory must return the widget constructor; Kommo builds the widget from it.</summary>
public sealed class FactoryNotConstructorRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.FactoryNotConstructor, "factory-not-constructor", "The define factory does not return the widget constructor",
        "{0}", RuleCategory.Script, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var doc = context.Widget.Script;
        if (doc?.FactoryNonConstructor is not { } node) return;
        bool returnsNothing = ReferenceEquals(node, doc.Factory);
        context.Report(Rule, doc.SpanOf(node), returnsNothing
            ? "the define factory returns nothing; Kommo needs it to return the widget constructor (return CustomWidget;)"
            : "the define factory returns a value that is not a function; Kommo builds the widget with the constructor it returns (var CustomWidget = function () { this.callbacks = {…}; return this; }; return CustomWidget;)");
    }
}
