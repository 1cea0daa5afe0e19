using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestInvalidJsonRuleTests
{
    [Fact]
    public void Syntax_error_is_reported_at_its_position()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\" \"x\": 1,");
        var d = FindingAssert.Single(w, RuleIds.ManifestInvalidJson, 6, 24);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void Empty_manifest_is_invalid_json()
    {
        var w = TestWidget.Valid().Set("manifest.json", "");
        var d = FindingAssert.Single(w, RuleIds.ManifestInvalidJson, 1, 1);
        Assert.Contains("empty", d.Message);
    }

    [Fact]
    public void Text_after_the_closing_brace_is_reported_but_the_manifest_is_still_read()
    {
        var w = TestWidget.Valid().Set("manifest.json", TestWidget.ValidManifest + "\n}x");
        var found = w.Validate().Diagnostics;
        Assert.Contains(found, d => d.Id == RuleIds.ManifestInvalidJson && d.Span.StartLine == 23 && d.Span.StartColumn == 1);
        Assert.NotNull(w.Load().Manifest!.Root);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_reported()
    {
        var w = TestWidget.Valid().Set("manifest.json", "[1, 2]");
        FindingAssert.Single(w, RuleIds.ManifestInvalidJson, 1, 1);
    }

    [Fact]
    public void Valid_manifest_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestInvalidJson);
}
