using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nUndeclaredLocaleRuleTests
{
    [Fact]
    public void File_of_an_undeclared_locale_is_reported_for_the_file()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("i18n/pt.json", TestWidget.ValidI18nEn), RuleIds.I18nUndeclaredLocale, 0, 0);
        Assert.Equal("i18n/pt.json", d.Span.Path);
    }

    [Fact]
    public void Declared_locales_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nUndeclaredLocale);
}
