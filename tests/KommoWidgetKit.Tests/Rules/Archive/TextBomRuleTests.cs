using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class TextBomRuleTests
{
    internal static byte[] WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void Bom_in_script_is_a_warning_at_the_start()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("script.js", WithBom(TestWidget.ValidScript)), RuleIds.TextBom, 1, 1);
        Assert.Equal("script.js", d.Span.Path);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void Bom_in_manifest_or_i18n_is_left_to_KW6010()
    {
        var w = TestWidget.Valid().Set("manifest.json", WithBom(TestWidget.ValidManifest)).Set("i18n/en.json", WithBom(TestWidget.ValidI18nEn));
        FindingAssert.None(w, RuleIds.TextBom);
    }

    [Fact]
    public void Files_without_bom_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.TextBom);

    [Fact]
    public void Fix_removes_the_bom_and_nothing_else()
    {
        var w = TestWidget.Valid().Set("script.js", WithBom(TestWidget.ValidScript)).Set("style.css", WithBom(".a { content: '\uFEFF'; }\n"));
        var result = FixAssert.Fixes(w, RuleIds.TextBom);
        FixAssert.Changed(result, "script.js", TestWidget.ValidScript);
        // Only the first three bytes go: a second BOM character later in the file is text.
        FixAssert.Changed(result, "style.css", ".a { content: '\uFEFF'; }\n");
        Assert.Equal(2, result.Changes.Count);
    }
}
