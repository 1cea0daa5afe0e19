using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2007: the callbacks object is built at run time (or script.js only loads a remote module), so the callback rules cannot check it.</summary>
public sealed class CallbacksDynamicRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CallbacksDynamic, "callbacks-dynamic", "Callbacks cannot be checked",
        "{0}, so the callbacks (render, init, bind_actions and those of the locations) cannot be checked",
        RuleCategory.Script, Severity.Info);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var main = context.Widget.Script;
        if (main?.Program is null || main.DefineCall is null) return;
        var view = context.Widget.Callbacks;
        if (view is { Shape: CallbacksShape.Dynamic })
        {
            context.Report(Rule, view.Document.SpanOf(view.Node), view.Reason + (view.Document == main ? "" : $" in {view.Document.File.Path}"));
            return;
        }
        if (view is null && RemoteDependency(main) is { } remote)
            context.Report(Rule, remote.Span, $"script.js loads the widget from '{remote.Id}'");
    }

    /// <summary>The first define dependency on another origin (http:, https: or //), if any.</summary>
    internal static (string Id, SourceSpan Span)? RemoteDependency(ScriptDocument doc)
    {
        foreach (var dep in doc.Dependencies)
        {
            if (dep.Id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || dep.Id.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || dep.Id.StartsWith("//", StringComparison.Ordinal))
                return dep;
        }
        return null;
    }
}
