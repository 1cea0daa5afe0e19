using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

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

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("2.5")]
    [InlineData("-20")]
    public void Fix_writes_2_in_place_of_the_number(string value)
    {
        var w = TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": " + value);
        FixAssert.OnlyChanged(FixAssert.Fixes(w, RuleIds.InterfaceVersion), "manifest.json", TestWidget.ValidManifest);
    }

    [Fact]
    public void Fix_in_a_one_line_crlf_file_touches_only_the_number()
    {
        string manifest = Crlf(OneLine(TestWidget.ValidManifest) + "\n");
        var w = TestWidget.Valid().Set("manifest.json", Bytes(FixAssert.ReplaceOnce(manifest, "\"interface_version\": 2", "\"interface_version\": 1")));
        var result = FixAssert.Fixes(w, RuleIds.InterfaceVersion, FixAssert.Only(false, RuleIds.InterfaceVersion));
        FixAssert.OnlyChanged(result, "manifest.json", manifest);
    }
}
