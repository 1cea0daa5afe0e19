using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocaleEmptyRuleTests
{
    [Fact]
    public void Empty_locale_is_reported_at_the_array()
    {
        var w = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": []");
        var d = FindingAssert.Single(w, RuleIds.LocaleEmpty, 9, 15);
        Assert.Equal("/widget/locale", d.Span.JsonPointer);
    }

    [Fact]
    public void Non_empty_locale_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.LocaleEmpty);
}
