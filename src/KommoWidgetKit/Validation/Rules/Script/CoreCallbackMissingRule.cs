using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2004: render, init and bind_actions must exist, or the widget does not work in its locations (spec §4.2).</summary>
public sealed class CoreCallbackMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CoreCallbackMissing, "core-callback-missing", "render, init or bind_actions is missing",
        "the callbacks object has no '{0}'; Kommo calls render, init and bind_actions in every location (render must return true)",
        RuleCategory.Script, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Widget.Callbacks is not { Shape: CallbacksShape.Literal, Object: { } obj } view) return;
        foreach (var name in LocationCatalog.CoreCallbacks)
            if (!view.Has(name)) context.Report(Rule, view.Document.SpanOf(obj), name);
    }
}
