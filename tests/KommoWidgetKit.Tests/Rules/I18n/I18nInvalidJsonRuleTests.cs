using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nInvalidJsonRuleTests
{
    [Fact]
    public void Empty_file_is_reported()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("i18n/en.json", ""), RuleIds.I18nInvalidJson, 1, 1);
        Assert.Equal("i18n/en.json", d.Span.Path);
    }

    [Fact]
    public void Text_after_the_closing_brace_is_reported_and_the_keys_are_still_checked()
    {
        var w = TestWidget.Valid().Set("i18n/es.json", TestWidget.ValidI18nEs + "\n}lly!\",");
        FindingAssert.Single(w, RuleIds.I18nInvalidJson, 10, 1);
        FindingAssert.None(w, RuleIds.I18nKeyMissing);
        FindingAssert.None(w, RuleIds.I18nStructureMismatch);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_reported() =>
        FindingAssert.Single(TestWidget.Valid().Set("i18n/en.json", "[\"a\"]"), RuleIds.I18nInvalidJson, 1, 1);

    [Fact]
    public void Valid_files_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nInvalidJson);
}
