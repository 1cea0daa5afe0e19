using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SmsEndpointMissingRuleTests
{
    [Fact]
    public void Missing_block_endpoint_or_url_are_reported_where_they_are()
    {
        FindingAssert.Single(WithLocations("settings", "sms"), RuleIds.SmsEndpointMissing, 13, 29);
        FindingAssert.Single(WithBlocks("\"sms\": {}", "sms"), RuleIds.SmsEndpointMissing, 19, 10);
        var d = FindingAssert.Single(WithBlocks("\"sms\": { \"endpoint\": \"sms.php\" }", "sms"), RuleIds.SmsEndpointMissing, 19, 24);
        Assert.Equal("/sms/endpoint", d.Span.JsonPointer);
    }

    [Fact]
    public void Absolute_endpoint_passes()
    {
        FindingAssert.None(WithBlocks("\"sms\": { \"endpoint\": \"https://example.com/sms\" }", "sms"), RuleIds.SmsEndpointMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SmsEndpointMissing);
    }
}
