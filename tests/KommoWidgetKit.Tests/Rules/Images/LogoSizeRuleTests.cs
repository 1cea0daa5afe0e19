using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class LogoSizeRuleTests
{
    [Fact]
    public void Wrong_size_is_reported_with_actual_and_expected()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("images/logo_medium.png", TestWidget.Png(120, 42)), RuleIds.LogoSize, 0, 0);
        Assert.Equal("images/logo_medium.png", d.Span.Path);
        Assert.Contains("120×42", d.Message);
        Assert.Contains("240×84", d.Message);
    }

    [Fact]
    public void Placeholder_and_jpeg_logo_sizes_are_checked_too()
    {
        Assert.Contains("placeholder", FindingAssert.Single(TestWidget.Valid().Set("images/logo.png", TestWidget.Png(1, 1)), RuleIds.LogoSize, 0, 0).Message);
        FindingAssert.Single(TestWidget.Valid().Set("images/logo_small.png", TestWidget.Jpeg(100, 100)), RuleIds.LogoSize, 0, 0);
    }

    [Fact]
    public void Logo_dp_is_checked_when_present()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("images/logo_dp.png", TestWidget.Png(170, 100)), RuleIds.LogoSize, 0, 0);
        Assert.Equal("images/logo_dp.png", d.Span.Path);
        FindingAssert.None(TestWidget.Valid().Set("images/logo_dp.png", TestWidget.Png(174, 109)), RuleIds.LogoSize);
    }

    [Fact]
    public void Correct_sizes_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.LogoSize);
}
