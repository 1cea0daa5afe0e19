using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestJsonRuleTests
{
    [Fact]
    public void Missing_manifest_is_reported_and_a_nested_one_is_named()
    {
        var w = TestWidget.Valid().Remove("manifest.json").Set("src/manifest.json", TestWidget.ValidManifest);
        var d = FindingAssert.Single(w, RuleIds.ManifestMissing, 0, 0);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Contains("src/manifest.json", d.Message);
        FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestMissing);
    }

    [Fact]
    public void Syntax_error_is_reported_at_its_position()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\" \"x\": 1,");
        FindingAssert.Single(w, RuleIds.ManifestInvalidJson, 6, 24);
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
    public void Comments_and_trailing_commas_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"],", "// where\n  \"locations\": [\"lcard-1\", \"settings\",],");
        var found = w.Findings(RuleIds.ManifestNonStandardJson);
        Assert.Equal(2, found.Count);
        Assert.Equal((13, 3), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Equal((14, 38), (found[1].Span.StartLine, found[1].Span.StartColumn));
        FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestNonStandardJson);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_with_its_pointer()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n    \"version\": \"1.0.1\",");
        var d = FindingAssert.Single(w, RuleIds.ManifestDuplicateKey, 7, 5);
        Assert.Equal("/widget/version", d.Span.JsonPointer);
        FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestDuplicateKey);
    }
}
