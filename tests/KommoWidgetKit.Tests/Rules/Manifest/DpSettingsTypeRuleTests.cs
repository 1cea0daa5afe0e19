using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class DpSettingsTypeRuleTests
{
    [Fact]
    public void Textarea_is_reported_at_the_type()
    {
        var w = WithBlocks("\"dp\": { \"action_multiple\": false, \"settings\": { \"msg\": { \"name\": \"dp.msg\", \"type\": \"textarea\" } } }", "digital_pipeline");
        var d = Assert.Single(w.Findings(RuleIds.DpSettingsType));
        Assert.Equal("/dp/settings/msg/type", d.Span.JsonPointer);
        AssertAt(w, d, "\"textarea\"");
        FindingAssert.None(w, RuleIds.SettingsFieldType);
    }

    [Fact]
    public void Settings_types_pass()
    {
        var w = WithBlocks("\"dp\": { \"action_multiple\": false, \"settings\": { \"msg\": { \"name\": \"dp.msg\", \"type\": \"text\" } } }", "digital_pipeline");
        FindingAssert.None(w, RuleIds.DpSettingsType);
    }
}
