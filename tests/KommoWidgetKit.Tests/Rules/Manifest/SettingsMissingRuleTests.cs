using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SettingsMissingRuleTests
{
    private static TestWidget WithoutSettings(string installation) => TestWidget.Valid()
        .EditManifest(",\n  \"settings\": {\n" + ManifestRuleTestKit.ApiKeyField + "\n  }", "")
        .EditManifest("\"installation\": true", "\"installation\": " + installation);

    [Theory]
    [InlineData("true")]
    [InlineData("\"Y\"")]
    public void Installation_without_settings_is_reported_at_installation(string installation)
    {
        var d = FindingAssert.Single(WithoutSettings(installation), RuleIds.SettingsMissing, 10, 21);
        Assert.Equal("/widget/installation", d.Span.JsonPointer);
    }

    [Fact]
    public void No_installation_or_present_settings_pass()
    {
        FindingAssert.None(WithoutSettings("false"), RuleIds.SettingsMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SettingsMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SettingsMissing, WidgetProfile.Public);
    }
}
