using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1050: <c>left_menu</c> entries that do not follow the left-menu page.</summary>
public sealed class LeftMenuInvalidRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LeftMenuInvalid, "left-menu-invalid", "left_menu entry does not follow the documented shape",
        "left_menu.{0}: {1}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    private static readonly string[] SortTargets = ["dashboard", "leads", "customers", "tasks", "catalogs", "mail", "stats", "settings"];
    private static readonly string[] Hideable = ["dashboard", "leads", "customers", "tasks", "catalogs", "mail", "stats"];
    private static readonly string[] WithSubmenu = ["stats", "settings"];

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root?["left_menu"] is not JObject menu) return;
        foreach (var item in menu.DistinctProperties)
        {
            if (item.Value is not JObject io) continue; // KW1004
            bool system = SortTargets.Contains(item.Name, StringComparer.Ordinal);
            if (io.GetProperty("is_hidden") is { } hidden && !Hideable.Contains(item.Name, StringComparer.Ordinal))
                context.Report(Rule, ManifestFacts.NameSpan(hidden), item.Name, system
                    ? "the Settings section cannot be hidden"
                    : $"only system sections ({ManifestFacts.List(Hideable)}) can be hidden");
            if (system && io.GetProperty("submenu") is { } sub && !WithSubmenu.Contains(item.Name, StringComparer.Ordinal))
                context.Report(Rule, ManifestFacts.NameSpan(sub), item.Name, "sub-items can be added only to the stats and settings sections");
            if (io["sort"] is { } sort) CheckSort(context, item.Name, sort);
            if (io["submenu"] is JObject submenu)
                foreach (var si in submenu.DistinctProperties)
                    if (si.Value is JObject so && so["sort"] is { } ss and not JNumber)
                        context.Report(Rule, ss.Span, $"{item.Name}.submenu.{si.Name}", $"submenu \"sort\" must be a number, not {ss.KindName} {ss.Display}");
        }
    }

    private static void CheckSort(RuleContext context, string item, JNode sort)
    {
        if (sort is not JObject so)
        {
            context.Report(Rule, sort.Span, item, $"\"sort\" must be an object such as {{ \"after\": \"leads\" }}, not {sort.KindName}");
            return;
        }
        switch (so["after"])
        {
            case JString after when !SortTargets.Contains(after.Value, StringComparer.Ordinal):
                string near = ManifestFacts.Closest(after.Value, SortTargets) is { } n ? $" (did you mean \"{n}\"?)" : "";
                context.Report(Rule, after.Span, item, $"sort.after \"{after.Value}\" is not one of {ManifestFacts.List(SortTargets)}{near}");
                break;
            case { } other and not JString:
                context.Report(Rule, other.Span, item, $"sort.after must be a section code string, not {other.KindName}");
                break;
        }
    }
}
