using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1049: the <c>widget_page</c> location without a <c>left_menu</c> block.</summary>
public sealed class LeftMenuMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LeftMenuMissing, "left-menu-missing", "widget_page without left_menu",
        "location \"widget_page\" needs a top-level \"left_menu\" block that declares the menu section", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root || root.Has("left_menu")) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == "widget_page" && l.Info is not null);
        if (entry is not null) context.Report(Rule, entry.Node.Span);
    }
}
