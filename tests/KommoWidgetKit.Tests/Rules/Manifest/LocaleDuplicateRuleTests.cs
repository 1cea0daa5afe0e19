using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocaleDuplicateRuleTests
{
    [Fact]
    public void Second_occurrence_is_reported()
    {
        var w = TestWidget.Valid().EditManifest("[\"en\", \"es\"]", "[\"en\", \"es\", \"en\"]");
        var d = FindingAssert.Single(w, RuleIds.LocaleDuplicate, 9, 28);
        Assert.Equal("/widget/locale/2", d.Span.JsonPointer);
    }

    [Fact]
    public void Distinct_locales_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.LocaleDuplicate);
}
