using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nStructureMismatchRuleTests
{
    [Fact]
    public void Missing_group_is_reported_once_at_the_root_of_the_file_that_lacks_it()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", ",\n  \"settings\": { \"api_key\": \"Clave API\" }", "");
        var d = FindingAssert.Single(w, RuleIds.I18nStructureMismatch, 1, 1);
        Assert.Equal("i18n/es.json", d.Span.Path);
        Assert.Contains("'settings'", d.Message);
        Assert.Contains("i18n/en.json", d.Message);
    }

    [Fact]
    public void Missing_nested_key_is_reported_at_its_parent_object_in_each_direction()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/es.json", "\"settings\": { \"api_key\": \"Clave API\" }", "\"settings\": { \"api_key\": \"Clave API\", \"extra\": \"x\" }")
            .Edit("i18n/en.json", ",\n    \"tour_description\": \"How it works\"", "");
        var found = w.Findings(RuleIds.I18nStructureMismatch);
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal("i18n/en.json", d.Span.Path));
        Assert.Contains(found, d => (d.Span.StartLine, d.Span.StartColumn) == (2, 13) && d.Message.Contains("'widget.tour_description'"));
        Assert.Contains(found, d => (d.Span.StartLine, d.Span.StartColumn) == (7, 15) && d.Message.Contains("'settings.extra'"));
    }

    [Fact]
    public void Same_structure_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nStructureMismatch);

    private const string EsSettings = "\"settings\": { \"api_key\": \"Clave API\" }";
    private const string EnSettings = "\"settings\": { \"api_key\": \"API key\" }";

    private static string Es(string old, string replacement) => FixAssert.ReplaceOnce(TestWidget.ValidI18nEs, old, replacement);

    [Fact]
    public void Fix_adds_a_missing_group_from_the_other_file_marked_untranslated()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", ",\n  " + EsSettings, "");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/es.json", Es(EsSettings, "\"settings\": {\n    \"api_key\": \"[untranslated] API key\"\n  }"));
        Assert.Equal(1, result.After.Diagnostics.Count(d => d.Id == RuleIds.I18nUntranslated));
    }

    [Fact]
    public void Fix_adds_a_missing_key_into_the_group_that_exists()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", EnSettings, "\"settings\": { \"api_key\": \"API key\", \"hint\": \"Where to find it\" }");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/es.json", Es(EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"hint\": \"[untranslated] Where to find it\" }"));
    }

    [Fact]
    public void Fix_adds_many_missing_keys_of_one_object_in_one_pass()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", EnSettings, "\"settings\": { \"api_key\": \"API key\", \"a\": \"A\", \"b\": \"B\", \"c\": \"C\" }")
            .Edit("i18n/en.json", "\"How it works\"\n", "\"How it works\",\n    \"x\": \"X\",\n    \"y\": { \"z\": \"Z\" }\n");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        string expected = FixAssert.ReplaceOnce(
            Es(EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"a\": \"[untranslated] A\", \"b\": \"[untranslated] B\", \"c\": \"[untranslated] C\" }"),
            "\"Cómo funciona\"\n", "\"Cómo funciona\",\n    \"x\": \"[untranslated] X\",\n    \"y\": {\n      \"z\": \"[untranslated] Z\"\n    }\n");
        FixAssert.OnlyChanged(result, "i18n/es.json", expected);
        Assert.Equal([1, 1, 1, 1, 1], FixAssert.Passes(result, RuleIds.I18nStructureMismatch));
    }

    [Fact]
    public void Fix_copies_non_ascii_text_as_it_is_and_escapes_only_what_json_needs()
    {
        const string text = "Ключ — «API» 🎉 <b>&</b> 'q' \\\"x\\\" \\\\ \\t";
        var w = TestWidget.Valid().Edit("i18n/en.json", EnSettings, "\"settings\": { \"api_key\": \"API key\", \"hint\": \"" + text + "\" }");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/es.json", Es(EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"hint\": \"[untranslated] " + text + "\" }"));
    }

    [Fact]
    public void Fix_into_an_empty_object_on_one_line_and_over_two_lines()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", EnSettings, EnSettings + ",\n  \"one\": { \"a\": \"A\" },\n  \"two\": { \"b\": \"B\" }")
            .Edit("i18n/es.json", EsSettings, EsSettings + ",\n  \"one\": {},\n  \"two\": {\n  }");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/es.json", Es(EsSettings, EsSettings + ",\n  \"one\": {\"a\": \"[untranslated] A\"},\n  \"two\": {\n    \"b\": \"[untranslated] B\"\n  }"));
    }

    [Fact]
    public void Fix_in_both_directions_and_in_a_crlf_tab_indented_file()
    {
        string es = Crlf(Tabs(Es(EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"extra\": \"x\" }")));
        var w = TestWidget.Valid().Set("i18n/es.json", Bytes(es))
            .Edit("i18n/en.json", "\"How it works\"\n", "\"How it works\",\n    \"more\": \"M\"\n");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch, FixAssert.Only(false, RuleIds.I18nStructureMismatch));
        Assert.Equal(2, result.Changes.Count);
        FixAssert.Changed(result, "i18n/en.json", FixAssert.ReplaceOnce(FixAssert.Text(w, "i18n/en.json"), "\"API key\" }", "\"API key\", \"extra\": \"[untranslated] x\" }"));
        FixAssert.Changed(result, "i18n/es.json", FixAssert.ReplaceOnce(es, "\"Cómo funciona\"\r\n", "\"Cómo funciona\",\r\n\t\t\"more\": \"[untranslated] M\"\r\n"));
    }

    [Fact]
    public void Fix_into_a_nested_object_with_a_trailing_comma()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", EnSettings, "\"settings\": { \"api_key\": \"API key\", \"hint\": \"H\" }")
            .Edit("i18n/es.json", EsSettings, "\"settings\": { \"api_key\": \"Clave API\", }");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/es.json", Es(EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"hint\": \"[untranslated] H\" }"));
        // The comma sits where the key goes in, so the two fixes take a round each.
        Assert.Equal([(RuleIds.I18nStructureMismatch, 1), (RuleIds.I18nNonStandardJson, 2)], result.Applied.Select(a => (a.Finding.Id, a.Pass)));
    }

    [Fact]
    public void Fix_of_an_empty_file_fills_it_on_lines()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().Set("i18n/es.json", "{}\n"), RuleIds.I18nStructureMismatch);
        // The groups go in one per round (both would fill the empty braces at one place), in the order of the findings,
        // which is by message (so by key), not the other file's order.
        string settings = "  \"settings\": {\n    \"api_key\": \"[untranslated] API key\"\n  }";
        string expected = I18nFileMissingRuleTests.MarkedEn.Replace(",\n" + settings, "").Replace("{\n  \"widget\"", "{\n" + settings + ",\n  \"widget\"");
        FixAssert.OnlyChanged(result, "i18n/es.json", expected);
        Assert.Equal([1, 2], FixAssert.Passes(result, RuleIds.I18nStructureMismatch));
    }

    [Fact]
    public void Fix_of_a_third_locale_adds_the_key_once()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"en\", \"es\", \"pt\"]")
            .Set("i18n/pt.json", TestWidget.ValidI18nEn)
            .Edit("i18n/en.json", EnSettings, "\"settings\": { \"api_key\": \"API key\", \"hint\": \"H\" }")
            .Edit("i18n/es.json", EsSettings, "\"settings\": { \"api_key\": \"Clave API\", \"hint\": \"HH\" }");
        var result = FixAssert.Fixes(w, RuleIds.I18nStructureMismatch);
        FixAssert.OnlyChanged(result, "i18n/pt.json", FixAssert.ReplaceOnce(TestWidget.ValidI18nEn, EnSettings, "\"settings\": { \"api_key\": \"API key\", \"hint\": \"[untranslated] H\" }"));
    }

    [Fact]
    public void No_fix_where_a_group_in_one_file_is_a_text_in_the_other()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", EnSettings, EnSettings + ",\n  \"g\": { \"a\": \"A\" }")
            .Edit("i18n/es.json", EsSettings, EsSettings + ",\n  \"g\": \"G\"");
        var d = Assert.Single(w.Findings(RuleIds.I18nStructureMismatch));
        Assert.Null(d.Fix);
        Assert.False(WidgetFixer.Compute(w.Load(), FixAssert.Unsafe).HasChanges);
    }

    [Fact]
    public void Fix_of_a_missing_key_the_manifest_names_is_applied_once()
    {
        // KW3005 (the manifest names widget.name) and KW3006 (en has it) both offer to add it: it must go in once.
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"name\": \"Widget de prueba\",\n    ", "");
        var result = WidgetFixer.Compute(w.Load());
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(FixAssert.Text(w, "i18n/es.json"),
            "\"Cómo funciona\"\n", "\"Cómo funciona\",\n    \"name\": \"[untranslated] Test Widget\"\n"));
        Assert.DoesNotContain(result.After.Diagnostics, d => d.Id is RuleIds.I18nStructureMismatch or RuleIds.I18nKeyMissing or RuleIds.I18nDuplicateKey);
        FixAssert.NoNewErrors(result);
        FixAssert.Idempotent(result);
    }
}
