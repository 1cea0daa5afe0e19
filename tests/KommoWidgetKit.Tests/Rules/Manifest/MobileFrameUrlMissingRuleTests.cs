using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class MobileFrameUrlMissingRuleTests
{
    [Fact]
    public void Missing_block_frame_url_or_url_are_reported_where_they_are()
    {
        FindingAssert.Single(WithLocations("mobile_card"), RuleIds.MobileFrameUrlMissing, 13, 17);
        FindingAssert.Single(WithBlocks("\"mobile\": { \"color\": \"#ffff00\" }", "mobile_card"), RuleIds.MobileFrameUrlMissing, 19, 13);
        var d = FindingAssert.Single(WithBlocks("\"mobile\": { \"frame_url\": \"\" }", "mobile_card"), RuleIds.MobileFrameUrlMissing, 19, 28);
        Assert.Equal("/mobile/frame_url", d.Span.JsonPointer);
    }

    [Fact]
    public void Absolute_frame_url_passes() =>
        FindingAssert.None(WithBlocks("\"mobile\": { \"frame_url\": \"https://example.com/\", \"color\": \"#ffff00\" }", "mobile_card"), RuleIds.MobileFrameUrlMissing);
}
