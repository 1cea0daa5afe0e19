using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class TourImageFormatRuleTests
{
    [Fact]
    public void Wrong_size_is_reported_at_the_manifest_reference()
    {
        var w = TestWidget.Valid().Set("images/tour_1_es.jpg", TestWidget.Jpeg(1920, 1080));
        var d = FindingAssert.Single(w, RuleIds.TourImageFormat, 16, 62);
        Assert.Contains("1920×1080", d.Message);
    }

    [Fact]
    public void Missing_and_non_jpeg_images_are_reported()
    {
        var w = TestWidget.Valid().Remove("images/tour_1_en.jpg").Set("images/tour_1_es.jpg", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000"u8.ToArray());
        var found = w.Findings(RuleIds.TourImageFormat);
        Assert.Equal([(16, 29), (16, 62)], found.Select(d => (d.Span.StartLine, d.Span.StartColumn)));
    }

    [Fact]
    public void Png_of_the_right_size_and_absolute_urls_pass()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"/images/tour_1_en.jpg\"", "\"images/tour_1_en.png\", \"https://cdn.example.com/t.jpg\"")
            .Set("images/tour_1_en.png", TestWidget.Png(1188, 616));
        FindingAssert.None(w, RuleIds.TourImageFormat);
        FindingAssert.None(TestWidget.Valid(), RuleIds.TourImageFormat);
    }
}
