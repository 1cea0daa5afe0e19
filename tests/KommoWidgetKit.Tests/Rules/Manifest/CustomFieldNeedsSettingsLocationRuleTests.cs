using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class CustomFieldNeedsSettingsLocationRuleTests
{
    private static readonly string CustomField = ApiKeyField.Trim().Replace("\"text\"", "\"custom\"");

    [Fact]
    public void Custom_field_without_settings_location_is_reported_at_its_type()
    {
        var w = WithSettings(CustomField).EditManifest("[\"lcard-1\", \"settings\"]", "[\"lcard-1\"]");
        var d = FindingAssert.Single(w, RuleIds.CustomFieldNeedsSettingsLocation, 20, 54);
        Assert.Equal("/settings/api_key/type", d.Span.JsonPointer);
    }

    [Fact]
    public void Custom_field_with_settings_location_passes()
    {
        FindingAssert.None(WithSettings(CustomField), RuleIds.CustomFieldNeedsSettingsLocation);
        FindingAssert.None(TestWidget.Valid().EditManifest("[\"lcard-1\", \"settings\"]", "[\"lcard-1\"]"), RuleIds.CustomFieldNeedsSettingsLocation);
    }
}
