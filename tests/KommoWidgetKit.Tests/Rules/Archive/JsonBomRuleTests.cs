using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class JsonBomRuleTests
{
    [Fact]
    public void Bom_in_manifest_is_one_error()
    {
        var w = TestWidget.Valid().Set("manifest.json", TextBomRuleTests.WithBom(TestWidget.ValidManifest));
        var d = FindingAssert.Single(w, RuleIds.JsonBom, 1, 1);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.DoesNotContain(w.Validate().Diagnostics, x => x.Id == RuleIds.TextBom);
    }

    [Fact]
    public void Bom_in_an_i18n_file_is_an_error_but_other_json_is_not()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("i18n/es.json", TextBomRuleTests.WithBom(TestWidget.ValidI18nEs)), RuleIds.JsonBom, 1, 1);
        Assert.Equal("i18n/es.json", d.Span.Path);
        FindingAssert.None(TestWidget.Valid().Set("data/options.json", TextBomRuleTests.WithBom("{}")), RuleIds.JsonBom);
    }

    [Fact]
    public void Files_without_bom_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.JsonBom);

    [Fact]
    public void Fix_removes_the_bom_of_the_manifest_and_of_an_i18n_file_in_one_pass()
    {
        var w = TestWidget.Valid().Set("manifest.json", TextBomRuleTests.WithBom(TestWidget.ValidManifest)).Set("i18n/es.json", TextBomRuleTests.WithBom(TestWidget.ValidI18nEs));
        var result = FixAssert.Fixes(w, RuleIds.JsonBom);
        Assert.Equal(["i18n/es.json", "manifest.json"], result.Changes.Select(c => c.Path));
        FixAssert.Changed(result, "manifest.json", TestWidget.ValidManifest);
        FixAssert.Changed(result, "i18n/es.json", TestWidget.ValidI18nEs);
        Assert.Equal([1, 1], FixAssert.Passes(result, RuleIds.JsonBom));
        Assert.All(result.Applied, a => Assert.Equal(FixSafety.Safe, a.Safety));
        Assert.Empty(result.After.Diagnostics);
    }

    [Fact]
    public void Fix_of_a_bom_before_crlf_lines_removes_both_in_one_pass()
    {
        var crlf = System.Text.Encoding.UTF8.GetBytes(TestWidget.ValidI18nEn.Replace("\n", "\r\n"));
        var w = TestWidget.Valid().Set("i18n/en.json", [0xEF, 0xBB, 0xBF, .. crlf]);
        var result = FixAssert.Fixes(w, RuleIds.JsonBom);
        FixAssert.OnlyChanged(result, "i18n/en.json", TestWidget.ValidI18nEn);
        Assert.Equal([(RuleIds.CrLfLineEndings, 1), (RuleIds.JsonBom, 1)], result.Applied.Select(a => (a.Finding.Id, a.Pass)).Order());
    }

    [Fact]
    public void Fix_of_the_bom_and_of_a_value_on_the_first_line_go_in_together()
    {
        // Columns of line 1 count the BOM; the interface_version edit must still land on the number.
        string manifest = JsonShapes.OneLine(TestWidget.ValidManifest);
        var w = TestWidget.Valid().Set("manifest.json", TextBomRuleTests.WithBom(FixAssert.ReplaceOnce(manifest, "\"interface_version\": 2", "\"interface_version\": 1")));
        var result = FixAssert.Fixes(w, RuleIds.JsonBom);
        FixAssert.OnlyChanged(result, "manifest.json", manifest);
        Assert.Equal([(RuleIds.InterfaceVersion, 1), (RuleIds.JsonBom, 1)], result.Applied.Select(a => (a.Finding.Id, a.Pass)).Order());
    }
}
