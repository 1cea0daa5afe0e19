using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nNonStandardJsonRuleTests
{
    [Fact]
    public void Comment_and_trailing_comma_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"settings\": { \"api_key\": \"API key\" }", "// labels\n  \"settings\": { \"api_key\": \"API key\", }");
        var found = w.Findings(RuleIds.I18nNonStandardJson);
        Assert.Equal(2, found.Count);
        Assert.Equal((8, 3), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Equal((9, 37), (found[1].Span.StartLine, found[1].Span.StartColumn));
    }

    [Fact]
    public void Strict_json_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nNonStandardJson);

    // A comment alone on its line, one after code, trailing commas in a nested object and in the root.
    private static string NonStandard(string en) => FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(en,
        "\"settings\": { \"api_key\": \"API key\" }", "// labels\n  \"settings\": { \"api_key\": \"API key\", },"),
        "\"How it works\"\n", "\"How it works\", // tour\n"),
        "\"name\": \"Test Widget\",", "\"name\": \"Test Widget\", /* shown in the list */");

    [Fact]
    public void Fix_removes_comments_and_trailing_commas()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().Set("i18n/en.json", NonStandard(TestWidget.ValidI18nEn)), RuleIds.I18nNonStandardJson);
        FixAssert.OnlyChanged(result, "i18n/en.json", TestWidget.ValidI18nEn);
        Assert.Equal([1, 1, 1, 1, 1, 1], FixAssert.Passes(result, RuleIds.I18nNonStandardJson));
        Assert.Empty(result.After.Diagnostics);
    }

    [Fact]
    public void Fix_keeps_crlf_and_tabs()
    {
        var w = TestWidget.Valid().Set("i18n/en.json", Bytes(Crlf(Tabs(NonStandard(TestWidget.ValidI18nEn)))));
        var result = FixAssert.Fixes(w, RuleIds.I18nNonStandardJson, FixAssert.Only(false, RuleIds.I18nNonStandardJson));
        FixAssert.OnlyChanged(result, "i18n/en.json", Crlf(Tabs(TestWidget.ValidI18nEn)));
    }

    [Fact]
    public void Fix_of_a_one_line_file_and_of_both_files_at_once()
    {
        string en = OneLine(TestWidget.ValidI18nEn), es = OneLine(TestWidget.ValidI18nEs);
        var w = TestWidget.Valid()
            .Set("i18n/en.json", FixAssert.ReplaceOnce(en, "\"API key\" } }", "\"API key\", }, } // end"))
            .Set("i18n/es.json", FixAssert.ReplaceOnce(es, "{ \"widget\"", "{ /* es */ \"widget\""));
        var result = FixAssert.Fixes(w, RuleIds.I18nNonStandardJson);
        Assert.Equal(2, result.Changes.Count);
        FixAssert.Changed(result, "i18n/en.json", en);
        FixAssert.Changed(result, "i18n/es.json", es);
    }

    [Fact]
    public void Fix_finds_the_comma_after_non_ascii_text_and_emoji_on_the_same_line()
    {
        // Columns count UTF-16 units (an emoji is two), the edit works on UTF-8 bytes (Cyrillic two, emoji four).
        string es = OneLine(FixAssert.ReplaceOnce(TestWidget.ValidI18nEs, "\"Clave API\"", "\"Ключ API 🎉\""));
        var w = TestWidget.Valid().Set("i18n/es.json", FixAssert.ReplaceOnce(es, "🎉\" } }", "🎉\", /* ✓ */ }, }"));
        var result = FixAssert.Fixes(w, RuleIds.I18nNonStandardJson);
        FixAssert.OnlyChanged(result, "i18n/es.json", es);
    }
}
