using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class TourLanguageUndeclaredRuleTests
{
    [Fact]
    public void Undeclared_language_is_reported_at_its_key()
    {
        var w = TestWidget.Valid().EditManifest("\"es\": [\"/images/tour_1_es.jpg\"]", "\"es\": [\"/images/tour_1_es.jpg\"], \"pt\": [\"/images/tour_1_es.jpg\"]");
        var d = Assert.Single(w.Findings(RuleIds.TourLanguageUndeclared));
        Assert.Equal("/tour/tour_images/pt", d.Span.JsonPointer);
        AssertAt(w, d, "\"pt\"");
    }

    [Fact]
    public void Declared_languages_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.TourLanguageUndeclared);
}
