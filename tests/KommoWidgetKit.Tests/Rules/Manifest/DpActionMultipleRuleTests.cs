using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class DpActionMultipleRuleTests
{
    [Fact]
    public void Dp_without_action_multiple_is_reported_at_the_block()
    {
        var w = WithBlocks("\"dp\": { \"settings\": {} }", "settings", "digital_pipeline");
        var d = FindingAssert.Single(w, RuleIds.DpActionMultiple, 19, 9);
        Assert.Equal("/dp", d.Span.JsonPointer);
    }

    [Fact]
    public void Boolean_action_multiple_passes_and_a_string_is_left_to_KW1004()
    {
        FindingAssert.None(WithBlocks("\"dp\": { \"action_multiple\": true }", "digital_pipeline"), RuleIds.DpActionMultiple);
        var s = WithBlocks("\"dp\": { \"action_multiple\": \"false\" }", "digital_pipeline");
        FindingAssert.None(s, RuleIds.DpActionMultiple);
        Assert.Single(s.Findings(RuleIds.ManifestWrongType), d => d.Span.JsonPointer == "/dp/action_multiple");
    }
}
