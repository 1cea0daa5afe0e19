using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestNonStandardJsonRuleTests
{
    [Fact]
    public void Comments_and_trailing_commas_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"],", "// where\n  \"locations\": [\"lcard-1\", \"settings\",],");
        var found = w.Findings(RuleIds.ManifestNonStandardJson);
        Assert.Equal(2, found.Count);
        Assert.Equal((13, 3), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Equal((14, 38), (found[1].Span.StartLine, found[1].Span.StartColumn));
        Assert.All(found, d => Assert.Equal(("manifest.json", Severity.Error), (d.Span.Path, d.Severity)));
    }

    [Fact]
    public void Strict_json_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestNonStandardJson);

    // A comment alone on its line, one after code, one before code, a block comment over two lines, a comment after the
    // root, and trailing commas in an array and in a nested object: removing them all gives the valid manifest back.
    private static string NonStandard(string manifest) => FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(manifest,
        "\"locations\": [\"lcard-1\", \"settings\"],", "// where\n  \"locations\": [\"lcard-1\", \"settings\",], // both"),
        "\"required\": true }", "\"required\": true, }"),
        "\"version\": \"1.0.0\",", "/* v */ \"version\": \"1.0.0\","),
        "\"tour\": {", "/* the tour\n     block */\n  \"tour\": {") + "\n// end";

    [Fact]
    public void Fix_removes_comments_and_trailing_commas_in_one_pass()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", NonStandard(TestWidget.ValidManifest)), RuleIds.ManifestNonStandardJson);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest + "\n");
        Assert.Equal([1, 1, 1, 1, 1, 1, 1], FixAssert.Passes(result, RuleIds.ManifestNonStandardJson));
        Assert.Empty(result.After.Diagnostics);
    }

    [Fact]
    public void Fix_keeps_crlf_line_endings()
    {
        var w = TestWidget.Valid().Set("manifest.json", Bytes(Crlf(NonStandard(TestWidget.ValidManifest))));
        var result = FixAssert.Fixes(w, RuleIds.ManifestNonStandardJson, FixAssert.Only(false, RuleIds.ManifestNonStandardJson));
        FixAssert.OnlyChanged(result, "manifest.json", Crlf(TestWidget.ValidManifest + "\n"));
    }

    [Fact]
    public void Fix_keeps_tab_indentation()
    {
        var w = TestWidget.Valid().Set("manifest.json", Tabs(NonStandard(TestWidget.ValidManifest)));
        var result = FixAssert.Fixes(w, RuleIds.ManifestNonStandardJson);
        FixAssert.OnlyChanged(result, "manifest.json", Tabs(TestWidget.ValidManifest) + "\n");
    }

    [Fact]
    public void Fix_of_a_one_line_manifest()
    {
        string manifest = OneLine(TestWidget.ValidManifest);
        string broken = FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(manifest, "\"settings\"], ", "\"settings\",], /* where */ "), "true } } }", "true, }, }, }");
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", broken), RuleIds.ManifestNonStandardJson);
        FixAssert.OnlyChanged(result, "manifest.json", manifest);
    }

    [Fact]
    public void Fix_of_a_comment_between_items_and_at_the_start_of_the_file()
    {
        var w = TestWidget.Valid().Set("manifest.json", "// manifest\n" + FixAssert.ReplaceOnce(TestWidget.ValidManifest, "[\"lcard-1\", \"settings\"]", "[\"lcard-1\", /* and */ \"settings\"]"));
        var result = FixAssert.Fixes(w, RuleIds.ManifestNonStandardJson);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
    }

    [Fact]
    public void Fix_is_safe()
    {
        var d = FindingAssert.Single(TestWidget.Valid().EditManifest("\"settings\"]", "\"settings\",]"), RuleIds.ManifestNonStandardJson, 13, 38);
        Assert.Equal((FixSafety.Safe, "Remove the trailing comma"), (d.Fix!.Safety, d.Fix.Title));
    }

    [Fact]
    public void Fix_with_the_line_ending_fix_in_the_same_file_converges()
    {
        // The comment's line and its CRLF go together, which touches the line ending fix: one waits for the next round.
        var w = TestWidget.Valid().Set("manifest.json", Bytes(Crlf(FixAssert.ReplaceOnce(TestWidget.ValidManifest, "\"tour\": {", "// tour\n  \"tour\": {"))));
        var result = FixAssert.Fixes(w, RuleIds.ManifestNonStandardJson);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
        Assert.Equal([(RuleIds.CrLfLineEndings, 1), (RuleIds.ManifestNonStandardJson, 2)], result.Applied.Select(a => (a.Finding.Id, a.Pass)));
    }
}
