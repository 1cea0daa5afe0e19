using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1021: a <c>locations</c> entry names no known area.</summary>
public sealed class LocationUnknownRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocationUnknown, "location-unknown", "Unknown location",
        "unknown location \"{0}\"{1}", RuleCategory.Manifest, Severity.Error) { Fixable = FixSafety.Unsafe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    // Names seen in real widgets or easily guessed, mapped to what the author most likely meant.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["anywhere"] = "everywhere",
        ["all"] = "everywhere",
        ["global"] = "everywhere",
        ["*"] = "everywhere",
        ["salesbot"] = "salesbot_designer",
        ["dp"] = "digital_pipeline",
        ["mobile"] = "mobile_card",
        ["left_menu"] = "widget_page",
        ["advanced"] = "advanced_settings",
        ["lead_card"] = "lcard",
        ["contact_card"] = "ccard",
        ["company_card"] = "comcard",
        ["leads_list"] = "llist",
        ["contacts_list"] = "clist",
        ["tasks_list"] = "tlist",
    };

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        foreach (var entry in manifest.Locations)
        {
            if (entry.Info is not null)
            {
                // Known after trimming: Kommo compares the name exactly.
                if (entry.Raw != entry.Raw.Trim())
                    context.Report(Rule, entry.Node.Span, entry.Raw, $" (remove the spaces: \"{entry.Raw.Trim()}\")");
                continue;
            }
            string hint = Hint(entry, out var suggestion);
            if (suggestion is not null && !ListedWithOtherSuffix(manifest, suggestion))
                context.ReportWithFix(Rule, entry.Node.Span, ManifestFacts.RenameLocation(manifest, entry, suggestion, FixSafety.Unsafe), entry.Raw, hint);
            else
                context.Report(Rule, entry.Node.Span, entry.Raw, hint);
        }
    }

    // Whether writing the name would list its card or list area with both -0 and -1 (KW1024's error): then which of the two
    // the author meant is not for a fix to guess.
    private static bool ListedWithOtherSuffix(ManifestDocument manifest, string name)
    {
        int dash = name.LastIndexOf('-');
        if (dash < 0) return false;
        string area = name[..dash];
        int suffix = name[dash + 1] - '0';
        return manifest.Locations.Any(e => e.Info is { Suffix: SuffixRule.Required } && e.Area == area && e.Suffix is null or 0 or 1 && (e.Suffix ?? 1) != suffix);
    }

    private static string Hint(LocationEntry entry, out string? suggestion)
    {
        suggestion = null;
        string area = entry.Area.ToLowerInvariant();
        if (area.Contains("dashboard", StringComparison.Ordinal) || area.Contains("pipeline_board", StringComparison.Ordinal) || area == "kanban")
            return "; there is no dashboard or pipeline-board location: use \"everywhere\" and check the page in code";
        string? target = Aliases.GetValueOrDefault(area)
            ?? (LocationCatalog.Find(area) is not null ? area : null)
            ?? ManifestFacts.Closest(area.Replace('-', '_'), LocationCatalog.All.Select(l => l.Area))
            ?? ManifestFacts.Closest(area, LocationCatalog.All.Select(l => l.Area));
        if (target is null) return "; see the list of locations in the docs (lcard-1, settings, everywhere …)";
        var info = LocationCatalog.Find(target)!;
        string guess = info.Suffix == SuffixRule.Required ? $"{target}-{(entry.Suffix is 0 ? 0 : 1)}" : target;
        // A fix only when the guess is the one close name: an alias, or a single catalogue name within the distance.
        if (Aliases.ContainsKey(area) || ManifestFacts.CloseCount(area.Replace('-', '_'), LocationCatalog.All.Select(l => l.Area)) == 1)
            suggestion = guess;
        return $" (did you mean \"{guess}\"?)";
    }
}
