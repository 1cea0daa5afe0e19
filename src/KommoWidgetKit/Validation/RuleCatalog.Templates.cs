using KommoWidgetKit.Validation.Rules.Templates;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddTemplateRules(List<WidgetRule> rules)
    {
        rules.Add(new TwigUnbalancedRule());
        rules.Add(new CssUnbalancedRule());
        rules.Add(new CssGlobalSelectorRule());
    }
}
