using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestMissingRuleTests
{
    [Fact]
    public void Missing_manifest_is_one_file_level_error()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Remove("manifest.json"), RuleIds.ManifestMissing, 0, 0);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("manifest.json is missing at the widget root", d.Message);
    }

    [Fact]
    public void Missing_manifest_is_reported_and_a_nested_one_is_named()
    {
        var w = TestWidget.Valid().Remove("manifest.json").Set("src/manifest.json", TestWidget.ValidManifest);
        var d = FindingAssert.Single(w, RuleIds.ManifestMissing, 0, 0);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Contains("src/manifest.json", d.Message);
    }

    [Fact]
    public void Manifest_at_the_root_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestMissing);
}
