using KommoWidgetKit.Diagnostics;
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
}
