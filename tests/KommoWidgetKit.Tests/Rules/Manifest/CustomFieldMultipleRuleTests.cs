using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class CustomFieldMultipleRuleTests
{
    [Fact]
    public void Second_custom_field_is_reported_at_its_type()
    {
        var w = WithSettings(
            "\"one\": { \"name\": \"settings.api_key\", \"type\": \"custom\" }",
            "\"two\": { \"name\": \"settings.api_key\", \"type\": \"custom\" }");
        var d = FindingAssert.Single(w, RuleIds.CustomFieldMultiple, 21, 50);
        Assert.Equal("/settings/two/type", d.Span.JsonPointer);
        Assert.Contains("\"one\"", d.Message);
    }

    [Fact]
    public void One_custom_field_passes()
    {
        var w = WithSettings(
            "\"one\": { \"name\": \"settings.api_key\", \"type\": \"custom\" }",
            "\"two\": { \"name\": \"settings.api_key\", \"type\": \"text\" }");
        FindingAssert.None(w, RuleIds.CustomFieldMultiple);
    }
}
