using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class AdvancedTitleMissingRuleTests
{
    [Fact]
    public void Missing_advanced_block_is_reported_at_the_location()
    {
        var d = FindingAssert.Single(WithLocations("settings", "advanced_settings"), RuleIds.AdvancedTitleMissing, 13, 29);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
    }

    [Fact]
    public void Advanced_without_title_is_reported_at_the_block_and_an_empty_title_at_the_value()
    {
        FindingAssert.Single(WithBlocks("\"advanced\": {}", "advanced_settings"), RuleIds.AdvancedTitleMissing, 19, 15);
        var d = FindingAssert.Single(WithBlocks("\"advanced\": { \"title\": \" \" }", "advanced_settings"), RuleIds.AdvancedTitleMissing, 19, 26);
        Assert.Equal("/advanced/title", d.Span.JsonPointer);
    }

    [Fact]
    public void Title_present_passes()
    {
        FindingAssert.None(WithBlocks("\"advanced\": { \"title\": \"advanced.title\" }", "advanced_settings"), RuleIds.AdvancedTitleMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.AdvancedTitleMissing);
    }
}
