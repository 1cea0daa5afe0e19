using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1027: <c>widget_page</c> in a private integration, where it has no effect.</summary>
public sealed class WidgetPagePublicOnlyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.WidgetPagePublicOnly, "widget-page-public-only", "widget_page works only for public integrations",
        "location \"{0}\" works only for public integrations: a private integration gets no left-menu page (check with --profile public if this widget goes to the marketplace)",
        RuleCategory.Manifest, Severity.Info, PlatformScope.Both, ProfileScope.Private);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var entry in context.Manifest?.Locations ?? [])
            if (entry.Area == "widget_page" && entry.Info is not null)
                context.Report(Rule, entry.Node.Span, entry.Raw);
    }
}
