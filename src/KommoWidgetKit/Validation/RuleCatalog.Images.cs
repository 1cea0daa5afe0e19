using KommoWidgetKit.Validation.Rules.Images;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddImageRules(List<WidgetRule> rules)
    {
        rules.Add(new LogoMissingRule());
        rules.Add(new LogoSizeRule());
        rules.Add(new LogoNotPngRule());
        rules.Add(new ImageTooLargeRule());
        rules.Add(new LogoDpMissingRule());
        rules.Add(new TourImageFormatRule());
        rules.Add(new ImageUnreadableRule());
    }
}
