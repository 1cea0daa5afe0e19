using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class NestedManifestRuleTests
{
    [Fact]
    public void Nested_manifest_beside_the_root_one_is_reported()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("widget/manifest.json", TestWidget.ValidManifest), RuleIds.NestedManifest, 0, 0);
        Assert.Equal("widget/manifest.json", d.Span.Path);
    }

    [Fact]
    public void Without_a_root_manifest_it_is_left_to_KW1000()
    {
        var w = TestWidget.Valid().Remove("manifest.json").Set("src/manifest.json", TestWidget.ValidManifest);
        FindingAssert.None(w, RuleIds.NestedManifest);
    }

    [Fact]
    public void Root_manifest_alone_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.NestedManifest);
}
