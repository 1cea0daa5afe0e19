using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class LogoMissingRuleTests
{
    [Fact]
    public void Each_missing_logo_is_reported_for_its_path()
    {
        var w = TestWidget.Valid().Remove("images/logo_min.png").Remove("images/logo_main.png");
        var found = w.Findings(RuleIds.LogoMissing);
        Assert.Equal(["images/logo_main.png", "images/logo_min.png"], found.Select(d => d.Span.Path));
        Assert.All(found, d => Assert.False(d.Span.HasPosition));
    }

    [Fact]
    public void Logo_with_other_case_is_still_missing_and_named()
    {
        var w = TestWidget.Valid().Remove("images/logo.png").Set("images/Logo.png", TestWidget.Png(130, 100));
        var d = FindingAssert.Single(w, RuleIds.LogoMissing, 0, 0);
        Assert.Contains("images/Logo.png", d.Message);
    }

    [Fact]
    public void All_logos_present_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.LogoMissing);
}
