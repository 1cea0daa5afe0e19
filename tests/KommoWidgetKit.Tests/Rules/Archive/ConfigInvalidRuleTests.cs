using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ConfigInvalidRuleTests
{
    [Fact]
    public void Unknown_profile_is_one_error_at_its_value()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{\n  \"profile\": \"marketplace\"\n}");
        var d = FindingAssert.Single(w, RuleIds.ConfigInvalid, 2, 14);
        Assert.Equal(WidgetConfig.FileName, d.Span.Path);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.StartsWith("kommo-widget.json: ", d.Message);
        Assert.StartsWith("kommo-widget.json: \"profile\" must be ", d.Message);
    }

    [Fact]
    public void Valid_config_and_no_config_pass()
    {
        FindingAssert.None(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"profile\": \"public\", \"rules\": { \"KW1003\": \"off\" } }"), RuleIds.ConfigInvalid);
        FindingAssert.None(TestWidget.Valid(), RuleIds.ConfigInvalid);
    }
}
