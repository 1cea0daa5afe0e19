using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nNonStandardJsonRuleTests
{
    [Fact]
    public void Comment_and_trailing_comma_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"settings\": { \"api_key\": \"API key\" }", "// labels\n  \"settings\": { \"api_key\": \"API key\", }");
        var found = w.Findings(RuleIds.I18nNonStandardJson);
        Assert.Equal(2, found.Count);
        Assert.Equal((8, 3), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Equal((9, 37), (found[1].Span.StartLine, found[1].Span.StartColumn));
    }

    [Fact]
    public void Strict_json_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nNonStandardJson);
}
