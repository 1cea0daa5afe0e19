using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nDuplicateKeyRuleTests
{
    [Fact]
    public void Duplicate_is_reported_at_the_second_occurrence()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"settings\": { \"api_key\": \"API key\" }", "\"settings\": { \"api_key\": \"API key\", \"api_key\": \"Key\" }");
        var d = FindingAssert.Single(w, RuleIds.I18nDuplicateKey, 8, 39);
        Assert.Equal("/settings/api_key", d.Span.JsonPointer);
    }

    [Fact]
    public void Unique_keys_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nDuplicateKey);
}
