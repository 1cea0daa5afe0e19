using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Images;

public class LogoDpMissingRuleTests
{
    private static TestWidget WithDp() => TestWidget.Valid().EditManifest("\"settings\"]", "\"settings\", \"digital_pipeline\"]");

    [Fact]
    public void Digital_pipeline_without_logo_dp_is_reported_at_the_location()
    {
        var d = FindingAssert.Single(WithDp(), RuleIds.LogoDpMissing, 13, 40);
        Assert.Equal("manifest.json", d.Span.Path);
    }

    [Fact]
    public void With_logo_dp_or_without_the_location_passes()
    {
        FindingAssert.None(WithDp().Set("images/logo_dp.png", TestWidget.Png(174, 109)), RuleIds.LogoDpMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.LogoDpMissing);
    }
}
