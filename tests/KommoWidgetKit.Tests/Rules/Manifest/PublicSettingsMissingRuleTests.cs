using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class PublicSettingsMissingRuleTests
{
    private static TestWidget WithoutSettings(string installation) => TestWidget.Valid()
        .EditManifest(",\n  \"settings\": {\n" + ManifestRuleTestKit.ApiKeyField + "\n  }", "")
        .EditManifest("\"installation\": true", "\"installation\": " + installation);

    [Fact]
    public void Public_widget_without_settings_is_reported_at_the_root()
    {
        var w = WithoutSettings("false");
        var d = FindingAssert.Single(w, RuleIds.PublicSettingsMissing, 1, 1, WidgetProfile.Public);
        Assert.Equal("", d.Span.JsonPointer);
        FindingAssert.None(w, RuleIds.PublicSettingsMissing, WidgetProfile.Private);
    }

    [Fact]
    public void Installation_on_is_left_to_KW1030_and_present_settings_pass()
    {
        FindingAssert.None(WithoutSettings("true"), RuleIds.PublicSettingsMissing, WidgetProfile.Public);
        FindingAssert.None(TestWidget.Valid(), RuleIds.PublicSettingsMissing, WidgetProfile.Public);
    }
}
