using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class TourMissingRuleTests
{
    private const string TourBlock = """
          "tour": {
            "is_tour": true,
            "tour_images": { "en": ["/images/tour_1_en.jpg"], "es": ["/images/tour_1_es.jpg"] },
            "tour_description": "widget.tour_description"
          },

        """;

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Missing_tour_is_reported_at_the_root(WidgetProfile profile)
    {
        var w = TestWidget.Valid().EditManifest(TourBlock, "");
        var d = FindingAssert.Single(w, RuleIds.TourMissing, 1, 1, profile);
        Assert.Equal("", d.Span.JsonPointer);
    }

    [Fact]
    public void Tour_present_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.TourMissing);
}
