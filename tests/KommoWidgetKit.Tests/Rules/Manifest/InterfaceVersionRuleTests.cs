using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class InterfaceVersionRuleTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("2.5")]
    public void Other_versions_are_reported_at_the_value(string value)
    {
        var w = TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": " + value);
        var d = FindingAssert.Single(w, RuleIds.InterfaceVersion, 7, 26);
        Assert.Equal("/widget/interface_version", d.Span.JsonPointer);
    }

    [Fact]
    public void Two_passes_and_a_string_is_left_to_KW1004()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.InterfaceVersion);
        FindingAssert.None(TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": \"1\""), RuleIds.InterfaceVersion);
    }
}
