using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SettingsFieldTypeRuleTests
{
    [Theory]
    [InlineData("password", "\"pass\"")]
    [InlineData("checkbox", "custom field")]
    [InlineData("Text", "lower case")]
    public void Unknown_type_is_reported_at_the_type_with_the_field_code(string type, string hint)
    {
        var w = WithSettings(ApiKeyField.Trim().Replace("\"text\"", $"\"{type}\""));
        var d = FindingAssert.Single(w, RuleIds.SettingsFieldType, 20, 54);
        Assert.Equal("/settings/api_key/type", d.Span.JsonPointer);
        Assert.Contains("\"api_key\"", d.Message);
        Assert.Contains(hint, d.Message);
    }

    [Fact]
    public void Documented_types_pass()
    {
        var w = WithSettings(
            "\"a\": { \"name\": \"settings.api_key\", \"type\": \"text\" }",
            "\"b\": { \"name\": \"settings.api_key\", \"type\": \"pass\" }",
            "\"c\": { \"name\": \"settings.api_key\", \"type\": \"users\" }",
            "\"d\": { \"name\": \"settings.api_key\", \"type\": \"users_lp\" }",
            "\"e\": { \"name\": \"settings.api_key\", \"type\": \"custom\" }");
        FindingAssert.None(w, RuleIds.SettingsFieldType);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SettingsFieldType);
    }
}
