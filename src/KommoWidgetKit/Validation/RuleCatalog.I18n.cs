using KommoWidgetKit.Validation.Rules.I18n;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddI18nRules(List<WidgetRule> rules)
    {
        rules.Add(new I18nFileMissingRule());
        rules.Add(new I18nInvalidJsonRule());
        rules.Add(new I18nNonStandardJsonRule());
        rules.Add(new I18nDuplicateKeyRule());
        rules.Add(new I18nUndeclaredLocaleRule());
        rules.Add(new I18nKeyMissingRule());
        rules.Add(new I18nStructureMismatchRule());
        rules.Add(new I18nNonStringLeafRule());
        rules.Add(new AiAgentDescriptionMissingRule());
        rules.Add(new I18nEmptyTextRule());
        rules.Add(new I18nUntranslatedRule());
    }
}
