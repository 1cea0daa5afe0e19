using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SalesbotBlockInvalidRuleTests
{
    [Fact]
    public void Location_without_block_is_reported_at_the_location()
    {
        var d = FindingAssert.Single(WithLocations("salesbot_designer"), RuleIds.SalesbotBlockInvalid, 13, 17);
        Assert.Equal("/locations/0", d.Span.JsonPointer);
    }

    [Fact]
    public void Block_with_only_a_logo_is_reported_at_the_block()
    {
        var d = FindingAssert.Single(WithBlocks("\"salesbot_designer\": { \"logo\": \"/images/logo.png\" }", "salesbot_designer"), RuleIds.SalesbotBlockInvalid, 19, 24);
        Assert.Equal("/salesbot_designer", d.Span.JsonPointer);
    }

    [Fact]
    public void Handler_without_settings_is_reported_at_its_code()
    {
        var w = WithBlocks("\"salesbot_designer\": { \"handler_code\": { \"name\": \"salesbot.handler_name\" } }", "salesbot_designer");
        var d = FindingAssert.Single(w, RuleIds.SalesbotBlockInvalid, 19, 26);
        Assert.Equal("/salesbot_designer/handler_code", d.Span.JsonPointer);
        Assert.Contains("\"settings\"", d.Message);
    }

    [Fact]
    public void Handler_with_name_and_settings_passes()
    {
        var w = WithBlocks("\"salesbot_designer\": { \"logo\": \"/images/logo.png\", \"h\": { \"name\": \"salesbot.handler_name\", \"settings\": {} } }", "salesbot_designer");
        FindingAssert.None(w, RuleIds.SalesbotBlockInvalid);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SalesbotBlockInvalid);
    }
}
