using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SalesbotFieldTypeRuleTests
{
    private static TestWidget WithFieldType(string type) => WithBlocks(
        "\"salesbot_designer\": { \"h\": { \"name\": \"salesbot.handler_name\", \"settings\": { \"n\": { \"name\": \"salesbot.number\", \"type\": \"" + type + "\" } } } }",
        "salesbot_designer");

    [Fact]
    public void Unknown_type_is_reported_at_the_type()
    {
        var w = WithFieldType("number");
        var d = Assert.Single(w.Findings(RuleIds.SalesbotFieldType));
        Assert.Equal("/salesbot_designer/h/settings/n/type", d.Span.JsonPointer);
        AssertAt(w, d, "\"number\"");
        Assert.Contains("\"numeric\"", d.Message);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("numeric")]
    [InlineData("url")]
    public void Documented_types_pass(string type) => FindingAssert.None(WithFieldType(type), RuleIds.SalesbotFieldType);
}
