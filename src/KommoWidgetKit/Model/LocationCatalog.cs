namespace KommoWidgetKit.Model;

/// <summary>How an area takes the <c>-0</c>/<c>-1</c> suffix.</summary>
public enum SuffixRule
{
    /// <summary>Card and list areas: <c>-1</c> draws the right-panel block, <c>-0</c> loads the script only.</summary>
    Required,
    /// <summary>Other areas are written bare.</summary>
    Forbidden,
}

/// <summary>What the platform knows about one interface area (location).</summary>
/// <param name="Area">The area name without suffix, e.g. <c>lcard</c>.</param>
/// <param name="Title">What the area is, for messages and <c>info</c>.</param>
/// <param name="Suffix">Whether the area takes <c>-0</c>/<c>-1</c>.</param>
/// <param name="Platforms">Platforms that have the area.</param>
/// <param name="Callbacks">Callbacks the area calls besides render/init/bind_actions (dotted for nested ones).</param>
/// <param name="IsLegacy">Documented only in legacy docs.</param>
public sealed record LocationInfo(string Area, string Title, SuffixRule Suffix, Diagnostics.PlatformScope Platforms, IReadOnlyList<string> Callbacks, bool IsLegacy = false)
{
    /// <summary>True for card areas (lead, contact, company, customer).</summary>
    public bool IsCard => Area is "lcard" or "ccard" or "comcard" or "cucard";

    /// <summary>True for list areas.</summary>
    public bool IsList => Area is "llist" or "clist" or "tlist" or "culist";
}

/// <summary>The locations of spec §3 and what each needs.</summary>
public static class LocationCatalog
{
    private static readonly Diagnostics.PlatformScope Both = Diagnostics.PlatformScope.Both;
    private static readonly Diagnostics.PlatformScope Amo = Diagnostics.PlatformScope.AmoCrm;

    /// <summary>Every known area.</summary>
    public static readonly IReadOnlyList<LocationInfo> All =
    [
        new("lcard", "lead card", SuffixRule.Required, Both, []),
        new("ccard", "contact card", SuffixRule.Required, Both, []),
        new("comcard", "company card", SuffixRule.Required, Both, []),
        new("cucard", "customer card", SuffixRule.Required, Both, [], IsLegacy: true),
        new("llist", "leads list", SuffixRule.Required, Both, ["leads.selected"]),
        new("clist", "contacts list", SuffixRule.Required, Both, ["contacts.selected"]),
        new("tlist", "tasks list", SuffixRule.Required, Both, ["todo.selected"]),
        new("culist", "customers list", SuffixRule.Required, Both, [], IsLegacy: true),
        new("settings", "widget settings modal", SuffixRule.Forbidden, Both, ["settings", "onSave"]),
        new("advanced_settings", "advanced settings page", SuffixRule.Forbidden, Both, ["advancedSettings"]),
        new("card_sdk", "card tab SDK", SuffixRule.Forbidden, Both, ["loadPreloadedData", "loadElements", "linkCard", "searchDataInCard"]),
        new("catalogs", "lists (catalogs) SDK", SuffixRule.Forbidden, Both, ["loadCatalogElement"]),
        new("digital_pipeline", "Digital Pipeline", SuffixRule.Forbidden, Both, ["dpSettings"]),
        new("lead_sources", "lead sources", SuffixRule.Forbidden, Both, ["onAddAsSource"]),
        new("widget_page", "left-menu page", SuffixRule.Forbidden, Both, ["initMenuPage"]),
        new("sms", "system SMS sender", SuffixRule.Forbidden, Both, []),
        new("mobile_card", "mobile app card", SuffixRule.Forbidden, Both, []),
        new("salesbot_designer", "Salesbot designer", SuffixRule.Forbidden, Both, ["onSalesbotDesignerSave"]),
        new("website_chat_button", "website chat button settings", SuffixRule.Forbidden, Both, []),
        new("ai_agent", "AI agent settings", SuffixRule.Forbidden, Both, []),
        new("everywhere", "every page", SuffixRule.Forbidden, Both, []),
        new("whatsapp_modal", "WhatsApp integration modal", SuffixRule.Forbidden, Both, [], IsLegacy: true),
        new("amoforms", "amoCRM web forms", SuffixRule.Forbidden, Amo, [], IsLegacy: true),
        new("personal_page", "amoCRM customer cabinet", SuffixRule.Forbidden, Amo, [], IsLegacy: true),
    ];

    private static readonly Dictionary<string, LocationInfo> ByArea = All.ToDictionary(l => l.Area, StringComparer.Ordinal);

    /// <summary>The area's facts, or null for an unknown area.</summary>
    public static LocationInfo? Find(string area) => ByArea.GetValueOrDefault(area);

    /// <summary>Callbacks every widget needs in every location.</summary>
    public static readonly IReadOnlyList<string> CoreCallbacks = ["render", "init", "bind_actions"];
}

/// <summary>One entry of the manifest's <c>locations</c> array, split into area and suffix.</summary>
public sealed record LocationEntry(string Raw, string Area, int? Suffix, Parsing.Json.JString Node)
{
    /// <summary>The catalog entry, or null for an unknown area.</summary>
    public LocationInfo? Info => LocationCatalog.Find(Area);

    /// <summary>Splits <c>lcard-1</c> into <c>lcard</c> and 1; only an all-digit tail counts as a suffix.</summary>
    public static LocationEntry Parse(Parsing.Json.JString node)
    {
        string raw = node.Value;
        string trimmed = raw.Trim();
        int dash = trimmed.LastIndexOf('-');
        if (dash > 0 && dash < trimmed.Length - 1 && trimmed[(dash + 1)..].All(char.IsAsciiDigit) && trimmed.Length - dash <= 4)
            return new LocationEntry(raw, trimmed[..dash], int.Parse(trimmed[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture), node);
        return new LocationEntry(raw, trimmed, null, node);
    }

    /// <summary>Whether the widget draws a right-panel block here (suffix 1, or a card/list area without suffix, which defaults to 1).</summary>
    public bool HasPanel => Info is { Suffix: SuffixRule.Required } && Suffix is null or 1;
}
