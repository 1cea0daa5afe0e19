using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class TourImagesCountRuleTests
{
    private const string Images = "{ \"en\": [\"/images/tour_1_en.jpg\"], \"es\": [\"/images/tour_1_es.jpg\"] }";

    [Fact]
    public void Six_images_or_none_are_reported_at_the_array_in_public_only()
    {
        string six = string.Join(", ", Enumerable.Repeat("\"/images/tour_1_en.jpg\"", 6));
        var w = TestWidget.Valid().EditManifest(Images, "{ \"en\": [" + six + "], \"es\": [] }");
        var found = w.Findings(RuleIds.TourImagesCount, WidgetProfile.Public);
        Assert.Equal(["/tour/tour_images/en", "/tour/tour_images/es"], found.Select(d => d.Span.JsonPointer));
        Assert.Equal((16, 28), (found[0].Span.StartLine, found[0].Span.StartColumn));
        FindingAssert.None(w, RuleIds.TourImagesCount, WidgetProfile.Private);
    }

    [Fact]
    public void Declared_locale_without_a_set_is_reported_at_tour_images()
    {
        var w = TestWidget.Valid().EditManifest(Images, "{ \"en\": [\"/images/tour_1_en.jpg\"] }");
        var d = FindingAssert.Single(w, RuleIds.TourImagesCount, 16, 20, WidgetProfile.Public);
        Assert.Contains("\"es\"", d.Message);
    }

    [Fact]
    public void Tour_without_images_is_reported_at_the_tour()
    {
        var w = TestWidget.Valid().EditManifest("    \"tour_images\": " + Images + ",\n", "");
        var d = FindingAssert.Single(w, RuleIds.TourImagesCount, 14, 11, WidgetProfile.Public);
        Assert.Equal("/tour", d.Span.JsonPointer);
    }

    [Fact]
    public void One_to_five_per_declared_language_passes() =>
        FindingAssert.None(TestWidget.Valid(), RuleIds.TourImagesCount, WidgetProfile.Public);
}
