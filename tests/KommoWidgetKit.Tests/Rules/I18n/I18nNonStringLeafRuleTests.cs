using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nNonStringLeafRuleTests
{
    [Fact]
    public void Number_leaf_is_reported_at_the_value()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"api_key\": \"API key\"", "\"api_key\": 5");
        var d = FindingAssert.Single(w, RuleIds.I18nNonStringLeaf, 8, 28);
        Assert.Contains("settings.api_key", d.Message);
    }

    [Fact]
    public void Arrays_booleans_and_null_are_reported_but_empty_groups_are_not()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"api_key\": \"API key\"", "\"api_key\": \"API key\", \"a\": [\"x\"], \"b\": true, \"c\": null, \"d\": {}");
        Assert.Equal(3, w.Findings(RuleIds.I18nNonStringLeaf).Count);
    }

    [Fact]
    public void Texts_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nNonStringLeaf);
}
