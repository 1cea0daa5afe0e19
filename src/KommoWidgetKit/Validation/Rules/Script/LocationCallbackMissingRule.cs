using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2005: a location listed in the manifest calls callbacks of its own (spec §3.2); without them the widget does nothing there.</summary>
public sealed class LocationCallbackMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationCallbackMissing, "location-callback-missing", "A location's callback is missing",
        "the manifest lists the '{0}' location ({1}), which calls '{2}', but the callbacks object has no '{2}'",
        RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest is null) return;
        if (context.Widget.Callbacks is not { Shape: CallbacksShape.Literal, Object: { } obj } view) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in manifest.Locations)
        {
            if (location.Info is not { } info || !seen.Add(info.Area)) continue;
            foreach (var callback in info.Callbacks)
                if (!view.Has(callback)) context.Report(Rule, view.Document.SpanOf(obj), info.Area, info.Title, callback);
        }
    }
}
