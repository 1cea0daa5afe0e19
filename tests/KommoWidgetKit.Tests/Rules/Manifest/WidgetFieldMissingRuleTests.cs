using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class WidgetFieldMissingRuleTests
{
    [Fact]
    public void Valid_manifest_has_every_widget_key() => FindingAssert.None(TestWidget.Valid(), RuleIds.WidgetFieldMissing);

    [Fact]
    public void Missing_widget_block_is_reported_at_the_root()
    {
        var w = ManifestRuleTestKit.WithManifest("\n{\n  \"locations\": [\"settings\"]\n}\n");
        var d = FindingAssert.Single(w, RuleIds.WidgetFieldMissing, 2, 1);
        Assert.Equal("", d.Span.JsonPointer);
    }

    [Fact]
    public void Each_missing_key_is_reported_at_the_widget_object()
    {
        var w = TestWidget.Valid()
            .EditManifest("    \"interface_version\": 2,\n", "")
            .EditManifest("    \"installation\": true,\n", "");
        var found = w.Findings(RuleIds.WidgetFieldMissing);
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal((2, 13, "/widget"), (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        Assert.Contains(found, d => d.Message.Contains("widget.interface_version"));
        Assert.Contains(found, d => d.Message.Contains("widget.installation"));
    }

    [Fact]
    public void Widget_of_the_wrong_type_is_left_to_KW1004()
    {
        var w = ManifestRuleTestKit.WithManifest("{ \"widget\": [], \"locations\": [\"settings\"] }");
        FindingAssert.None(w, RuleIds.WidgetFieldMissing);
        FindingAssert.Single(w, RuleIds.ManifestWrongType, 1, 13);
    }
}
