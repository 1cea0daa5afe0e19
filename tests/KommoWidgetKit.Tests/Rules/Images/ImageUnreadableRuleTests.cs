using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class ImageUnreadableRuleTests
{
    [Fact]
    public void Truncated_png_is_reported()
    {
        var png = TestWidget.Png(84, 84);
        var d = FindingAssert.Single(TestWidget.Valid().Set("images/logo_min.png", png[..(png.Length - 12)]), RuleIds.ImageUnreadable, 0, 0);
        Assert.Equal("images/logo_min.png", d.Span.Path);
    }

    [Fact]
    public void Empty_image_is_reported() =>
        FindingAssert.Single(TestWidget.Valid().Set("images/extra.jpg", []), RuleIds.ImageUnreadable, 0, 0);

    [Fact]
    public void Svg_with_a_long_prologue_and_valid_images_pass()
    {
        var svg = "<?xml version=\"1.0\"?>\n<!-- " + new string('x', 2000) + " -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n";
        FindingAssert.None(TestWidget.Valid().Set("images/icon.svg", svg), RuleIds.ImageUnreadable);
        FindingAssert.None(TestWidget.Valid(), RuleIds.ImageUnreadable);
    }
}
