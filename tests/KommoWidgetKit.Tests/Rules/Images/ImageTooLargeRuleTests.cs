using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class ImageTooLargeRuleTests
{
    private static byte[] Padded(byte[] image, int size)
    {
        var bytes = new byte[size];
        image.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public void Image_over_300_KB_is_reported()
    {
        var w = TestWidget.Valid().Set("images/tour_1_en.jpg", Padded(TestWidget.Jpeg(1188, 616), 300 * 1024 + 1));
        var d = FindingAssert.Single(w, RuleIds.ImageTooLarge, 0, 0);
        Assert.Equal("images/tour_1_en.jpg", d.Span.Path);
    }

    [Fact]
    public void Image_of_exactly_300_KB_and_non_images_pass()
    {
        var w = TestWidget.Valid()
            .Set("images/tour_1_en.jpg", Padded(TestWidget.Jpeg(1188, 616), 300 * 1024))
            .Set("data/big.json", "[" + new string(' ', 400 * 1024) + "]");
        FindingAssert.None(w, RuleIds.ImageTooLarge);
    }
}
