using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class DpBlockMissingRuleTests
{
    [Fact]
    public void Digital_pipeline_without_dp_is_reported_at_the_location()
    {
        var d = FindingAssert.Single(WithLocations("settings", "digital_pipeline"), RuleIds.DpBlockMissing, 13, 29);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
    }

    [Fact]
    public void Dp_block_present_or_no_location_passes()
    {
        FindingAssert.None(WithBlocks("\"dp\": { \"action_multiple\": false }", "settings", "digital_pipeline"), RuleIds.DpBlockMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.DpBlockMissing);
    }
}
