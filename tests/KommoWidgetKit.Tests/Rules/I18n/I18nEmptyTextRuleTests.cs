using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nEmptyTextRuleTests
{
    [Fact]
    public void Empty_referenced_text_is_reported_at_the_i18n_value_in_the_public_profile()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"short_description\": \"A test widget\"", "\"short_description\": \"\"");
        var d = FindingAssert.Single(w, RuleIds.I18nEmptyText, 5, 26, WidgetProfile.Public);
        Assert.Equal("i18n/en.json", d.Span.Path);
        FindingAssert.None(w, RuleIds.I18nEmptyText);
    }

    [Fact]
    public void Empty_text_that_the_manifest_does_not_use_passes()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", "\"api_key\": \"API key\"", "\"api_key\": \"API key\", \"hint\": \"\"")
            .Edit("i18n/es.json", "\"api_key\": \"Clave API\"", "\"api_key\": \"Clave API\", \"hint\": \"\"");
        FindingAssert.None(w, RuleIds.I18nEmptyText, WidgetProfile.Public);
    }
}
