using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class LogoNotPngRuleTests
{
    [Fact]
    public void Jpeg_renamed_to_png_is_reported()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("images/logo_main.png", TestWidget.Jpeg(400, 272)), RuleIds.LogoNotPng, 0, 0);
        Assert.Equal("images/logo_main.png", d.Span.Path);
        Assert.Contains("JPEG", d.Message);
        FindingAssert.None(TestWidget.Valid().Set("images/logo_main.png", TestWidget.Jpeg(400, 272)), RuleIds.LogoSize);
    }

    [Fact]
    public void Unreadable_file_is_left_to_KW4006()
    {
        var w = TestWidget.Valid().Set("images/logo.png", "not an image"u8.ToArray());
        FindingAssert.None(w, RuleIds.LogoNotPng);
        FindingAssert.Single(w, RuleIds.ImageUnreadable, 0, 0);
    }

    [Fact]
    public void Real_pngs_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.LogoNotPng);
}
