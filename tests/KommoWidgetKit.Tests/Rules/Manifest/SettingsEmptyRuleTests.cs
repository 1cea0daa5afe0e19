using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SettingsEmptyRuleTests
{
    private static TestWidget EmptySettings() =>
        TestWidget.Valid().EditManifest("  \"settings\": {\n" + ManifestRuleTestKit.ApiKeyField + "\n  }", "  \"settings\": {}");

    [Fact]
    public void Empty_settings_with_installation_is_an_info_at_the_block()
    {
        var d = FindingAssert.Single(EmptySettings(), RuleIds.SettingsEmpty, 19, 15);
        Assert.Equal("/settings", d.Span.JsonPointer);
        Assert.Equal(Severity.Info, d.Severity);
    }

    [Fact]
    public void Empty_settings_without_installation_and_filled_settings_pass()
    {
        FindingAssert.None(EmptySettings().EditManifest("\"installation\": true", "\"installation\": false"), RuleIds.SettingsEmpty);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SettingsEmpty);
    }
}
