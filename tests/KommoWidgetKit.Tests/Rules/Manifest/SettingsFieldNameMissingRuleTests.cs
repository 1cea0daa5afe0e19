using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SettingsFieldNameMissingRuleTests
{
    [Fact]
    public void Field_without_name_is_reported_at_its_code()
    {
        var w = WithSettings(ApiKeyField.Trim(), "\"login\": { \"type\": \"text\" }");
        var d = FindingAssert.Single(w, RuleIds.SettingsFieldNameMissing, 21, 5);
        Assert.Equal("/settings/login", d.Span.JsonPointer);
    }

    [Fact]
    public void Dp_settings_fields_are_checked_too()
    {
        var w = TestWidget.Valid().EditManifest("  \"settings\": {",
            "  \"dp\": { \"action_multiple\": false, \"settings\": { \"msg\": { \"type\": \"text\" } } },\n  \"settings\": {");
        var d = Assert.Single(w.Findings(RuleIds.SettingsFieldNameMissing));
        Assert.Equal("/dp/settings/msg", d.Span.JsonPointer);
        AssertAt(w, d, "\"msg\"");
    }

    [Fact]
    public void Named_fields_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.SettingsFieldNameMissing);
}
