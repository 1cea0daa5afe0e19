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
}
