namespace KommoWidgetKit.Model;

/// <summary>The CRM the widget is built for; the engine is the same, locale sets and some locations differ.</summary>
public enum WidgetPlatform
{
    /// <summary>Kommo (kommo.com): locales en, es, pt, tr, id.</summary>
    Kommo,
    /// <summary>amoCRM (amocrm.ru, amocrm.com): locales ru and en (others accepted with a warning).</summary>
    AmoCrm,
}

/// <summary>How the widget is distributed; public integrations are moderated against the marketplace checklist.</summary>
public enum WidgetProfile
{
    /// <summary>A private integration in one account.</summary>
    Private,
    /// <summary>A public (marketplace) integration.</summary>
    Public,
}

/// <summary>Locale sets of each platform.</summary>
public static class Locales
{
    /// <summary>Languages Kommo supports for widgets.</summary>
    public static readonly IReadOnlyList<string> Kommo = ["en", "es", "pt", "tr", "id"];

    /// <summary>Languages amoCRM widgets use.</summary>
    public static readonly IReadOnlyList<string> AmoCrm = ["ru", "en", "es", "pt"];

    /// <summary>The locale set of a platform.</summary>
    public static IReadOnlyList<string> For(WidgetPlatform platform) => platform == WidgetPlatform.AmoCrm ? AmoCrm : Kommo;

    /// <summary>Parses a platform name (kommo, amocrm).</summary>
    public static bool TryParsePlatform(string? text, out WidgetPlatform platform)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "kommo": platform = WidgetPlatform.Kommo; return true;
            case "amocrm" or "amo": platform = WidgetPlatform.AmoCrm; return true;
            default: platform = WidgetPlatform.Kommo; return false;
        }
    }

    /// <summary>Parses a profile name (private, public).</summary>
    public static bool TryParseProfile(string? text, out WidgetProfile profile)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "private": profile = WidgetProfile.Private; return true;
            case "public": profile = WidgetProfile.Public; return true;
            default: profile = WidgetProfile.Private; return false;
        }
    }
}
