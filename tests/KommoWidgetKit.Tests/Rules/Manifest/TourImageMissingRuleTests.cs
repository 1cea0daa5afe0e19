using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class TourImageMissingRuleTests
{
    [Fact]
    public void Missing_file_is_reported_at_its_path()
    {
        var w = TestWidget.Valid().Remove("images/tour_1_en.jpg");
        var d = FindingAssert.Single(w, RuleIds.TourImageMissing, 16, 29);
        Assert.Equal("/tour/tour_images/en/0", d.Span.JsonPointer);
    }

    [Fact]
    public void Wrong_case_is_named_in_the_message()
    {
        var w = TestWidget.Valid().Remove("images/tour_1_en.jpg").Set("images/Tour_1_en.jpg", TestWidget.Jpeg(1188, 616));
        Assert.Contains("images/Tour_1_en.jpg", FindingAssert.Single(w, RuleIds.TourImageMissing, 16, 29).Message);
    }

    [Fact]
    public void Existing_files_with_or_without_leading_slash_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.TourImageMissing);
        FindingAssert.None(TestWidget.Valid().EditManifest("\"/images/tour_1_en.jpg\"", "\"images/tour_1_en.jpg\""), RuleIds.TourImageMissing);
    }
}
