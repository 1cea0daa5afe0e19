namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>A declared locale has no i18n file.</summary>
    public const string I18nFileMissing = "KW3000";
    /// <summary>An i18n file is not valid JSON.</summary>
    public const string I18nInvalidJson = "KW3001";
    /// <summary>An i18n file uses comments or trailing commas.</summary>
    public const string I18nNonStandardJson = "KW3002";
    /// <summary>An i18n file repeats a key in one object.</summary>
    public const string I18nDuplicateKey = "KW3003";
    /// <summary>An i18n file whose locale is not declared in widget.locale.</summary>
    public const string I18nUndeclaredLocale = "KW3004";
    /// <summary>A manifest i18n key does not resolve to a text in a declared locale.</summary>
    public const string I18nKeyMissing = "KW3005";
    /// <summary>The declared locales' files do not have the same keys.</summary>
    public const string I18nStructureMismatch = "KW3006";
    /// <summary>A number, boolean, null or array where a text is expected.</summary>
    public const string I18nNonStringLeaf = "KW3007";
    /// <summary>The ai_agent location without widget.ai_agent_description in every locale.</summary>
    public const string AiAgentDescriptionMissing = "KW3008";
    /// <summary>A manifest-referenced text is empty.</summary>
    public const string I18nEmptyText = "KW3009";
    /// <summary>A text still marked as copied from another locale and not translated.</summary>
    public const string I18nUntranslated = "KW3010";
}
