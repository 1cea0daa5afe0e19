using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nKeyMissingRuleTests
{
    [Fact]
    public void Missing_key_is_reported_at_the_manifest_value_naming_the_locale()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"name\": \"Widget de prueba\",", "");
        var d = FindingAssert.Single(w, RuleIds.I18nKeyMissing, 3, 13);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Contains("i18n/es.json", d.Message);
    }

    [Fact]
    public void Key_resolving_to_an_object_is_reported()
    {
        var direct = TestWidget.Valid().EditManifest("\"short_description\": \"widget.short_description\"", "\"short_description\": \"widget.tour\"")
            .Edit("i18n/en.json", "\"tour_description\": \"How it works\"", "\"tour_description\": \"How it works\", \"tour\": { \"a\": \"b\" }")
            .Edit("i18n/es.json", "\"tour_description\": \"Cómo funciona\"", "\"tour_description\": \"Cómo funciona\", \"tour\": { \"a\": \"b\" }");
        var found = direct.Findings(RuleIds.I18nKeyMissing);
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal((5, 26), (d.Span.StartLine, d.Span.StartColumn)));
        Assert.All(found, d => Assert.Contains("object", d.Message));
    }

    [Fact]
    public void Optional_salesbot_default_value_and_literal_texts_pass()
    {
        var w = TestWidget.Valid().EditManifest("\"settings\": {\n    \"api_key\"",
            "\"salesbot_designer\": { \"h\": { \"name\": \"settings.api_key\", \"settings\": { \"t\": { \"name\": \"settings.api_key\", \"type\": \"text\", \"default_value\": \"salesbot.not_there\" } } } },\n  \"settings\": {\n    \"api_key\"")
            .EditManifest("\"description\": \"widget.description\"", "\"description\": \"A literal description.\"");
        FindingAssert.None(w, RuleIds.I18nKeyMissing);
        FindingAssert.None(TestWidget.Valid(), RuleIds.I18nKeyMissing);
    }

    private static FixOptions WithoutStructureRule { get; } = new()
    {
        Validation = new ValidationOptions { RuleSeverities = new Dictionary<string, Severity> { [RuleIds.I18nStructureMismatch] = Severity.Off } },
    };

    [Fact]
    public void Fix_copies_the_text_from_another_locale_marked_untranslated()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"name\": \"Widget de prueba\",\n    ", "");
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, WithoutStructureRule);
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(FixAssert.Text(w, "i18n/es.json"),
            "\"Cómo funciona\"\n", "\"Cómo funciona\",\n    \"name\": \"[untranslated] Test Widget\"\n"));
        Assert.Contains(result.After.Diagnostics, d => d.Id == RuleIds.I18nUntranslated);
    }

    [Fact]
    public void Fix_adds_the_group_when_it_is_missing_and_copies_cyrillic_unescaped()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", "\"API key\"", "\"Ключ API\"")
            .Edit("i18n/es.json", ",\n  \"settings\": { \"api_key\": \"Clave API\" }", "");
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, WithoutStructureRule);
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(TestWidget.ValidI18nEs,
            "\"settings\": { \"api_key\": \"Clave API\" }", "\"settings\": {\n    \"api_key\": \"[untranslated] Ключ API\"\n  }"));
    }

    [Fact]
    public void Fix_adds_the_key_into_the_group_that_exists()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"settings\": { \"api_key\": \"Clave API\" }", "\"settings\": { \"other\": \"Otro\" }");
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, WithoutStructureRule);
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(TestWidget.ValidI18nEs,
            "\"settings\": { \"api_key\": \"Clave API\" }", "\"settings\": { \"other\": \"Otro\", \"api_key\": \"[untranslated] API key\" }"));
    }

    [Fact]
    public void Fix_of_a_key_the_manifest_names_twice_adds_it_once()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"required\": true }", "\"required\": true },\n    \"label\": { \"name\": \"widget.name\", \"type\": \"text\" }")
            .Edit("i18n/es.json", "\"name\": \"Widget de prueba\",\n    ", "");
        Assert.Equal(2, w.Findings(RuleIds.I18nKeyMissing).Count);
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, WithoutStructureRule);
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(FixAssert.Text(w, "i18n/es.json"),
            "\"Cómo funciona\"\n", "\"Cómo funciona\",\n    \"name\": \"[untranslated] Test Widget\"\n"));
        Assert.DoesNotContain(result.After.Diagnostics, d => d.Id == RuleIds.I18nDuplicateKey);
    }

    [Fact]
    public void Fix_of_two_keys_of_a_missing_group_adds_the_group_once()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"required\": true }", "\"required\": true },\n    \"label\": { \"name\": \"settings.label\", \"type\": \"text\" }")
            .Edit("i18n/en.json", "\"API key\"", "\"API key\", \"label\": \"Label\"")
            .Edit("i18n/es.json", ",\n  \"settings\": { \"api_key\": \"Clave API\" }", "");
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, WithoutStructureRule);
        FixAssert.OnlyChanged(result, "i18n/es.json", FixAssert.ReplaceOnce(TestWidget.ValidI18nEs,
            "\"settings\": { \"api_key\": \"Clave API\" }", "\"settings\": {\n    \"api_key\": \"[untranslated] API key\",\n    \"label\": \"[untranslated] Label\"\n  }"));
        Assert.DoesNotContain(result.After.Diagnostics, d => d.Id == RuleIds.I18nDuplicateKey);
    }

    [Fact]
    public void Fix_is_applied_when_only_this_rule_is_asked_for()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"name\": \"Widget de prueba\",\n    ", "");
        var result = FixAssert.Fixes(w, RuleIds.I18nKeyMissing, FixAssert.Only(false, RuleIds.I18nKeyMissing));
        Assert.All(result.Applied, a => Assert.Equal(RuleIds.I18nKeyMissing, a.Finding.Id));
    }

    [Fact]
    public void No_fix_when_no_locale_has_the_text()
    {
        var missing = TestWidget.Valid().EditManifest("\"short_description\": \"widget.short_description\"", "\"short_description\": \"widget.nothing\"");
        Assert.All(missing.Findings(RuleIds.I18nKeyMissing), d => Assert.Null(d.Fix));
        // A key whose way down is blocked by a text where a group should be.
        var blocked = TestWidget.Valid().EditManifest("\"short_description\": \"widget.short_description\"", "\"short_description\": \"widget.name.short\"")
            .Edit("i18n/en.json", "\"name\": \"Test Widget\"", "\"name\": { \"short\": \"Test\" }");
        var d = Assert.Single(blocked.Findings(RuleIds.I18nKeyMissing), d => d.Message.Contains("i18n/es.json"));
        Assert.Null(d.Fix);
    }
}
