using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class BlockWithoutLocationRuleTests
{
    [Fact]
    public void Each_block_without_its_location_is_reported_at_its_key()
    {
        var w = WithBlocks("\"dp\": { \"action_multiple\": false }, \"advanced\": { \"title\": \"advanced.title\" }");
        var found = w.Findings(RuleIds.BlockWithoutLocation);
        Assert.Equal([(19, 3, "/dp"), (19, 39, "/advanced")], found.Select(d => (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        Assert.Contains("digital_pipeline", found[0].Message);
    }

    [Fact]
    public void Amoforms_settings_is_checked_on_amocrm_only()
    {
        var w = WithBlocks("\"amoforms_settings\": {}");
        FindingAssert.Single(w, RuleIds.BlockWithoutLocation, 19, 3, platform: WidgetPlatform.AmoCrm);
        FindingAssert.None(w, RuleIds.BlockWithoutLocation, platform: WidgetPlatform.Kommo);
    }

    [Fact]
    public void Blocks_with_their_locations_pass()
    {
        var w = WithBlocks("\"dp\": { \"action_multiple\": false }, \"sms\": { \"endpoint\": \"https://e.com/s\" }, \"mobile\": { \"frame_url\": \"https://e.com\" }",
            "settings", "digital_pipeline", "sms", "mobile_card");
        FindingAssert.None(w, RuleIds.BlockWithoutLocation);
        FindingAssert.None(TestWidget.Valid(), RuleIds.BlockWithoutLocation);
    }
}
