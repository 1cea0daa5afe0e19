using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocaleUnsupportedRuleTests
{
    [Fact]
    public void Ru_under_kommo_is_an_error_that_suggests_the_amocrm_platform()
    {
        var w = TestWidget.Valid().EditManifest("[\"en\", \"es\"]", "[\"en\", \"ru\"]");
        var d = FindingAssert.Single(w, RuleIds.LocaleUnsupported, 9, 22, platform: WidgetPlatform.Kommo);
        Assert.Equal("/widget/locale/1", d.Span.JsonPointer);
        Assert.Contains("--platform amocrm", d.Message);
        FindingAssert.None(w, RuleIds.LocaleUnsupported, platform: WidgetPlatform.AmoCrm);
    }

    [Fact]
    public void Tr_under_amocrm_suggests_the_kommo_platform()
    {
        var w = TestWidget.Valid().EditManifest("[\"en\", \"es\"]", "[\"en\", \"tr\"]");
        var d = FindingAssert.Single(w, RuleIds.LocaleUnsupported, 9, 22, platform: WidgetPlatform.AmoCrm);
        Assert.Contains("--platform kommo", d.Message);
        FindingAssert.None(w, RuleIds.LocaleUnsupported, platform: WidgetPlatform.Kommo);
    }

    [Fact]
    public void Region_or_capitals_suggest_the_plain_code_and_unknown_languages_are_reported()
    {
        var w = TestWidget.Valid().EditManifest("[\"en\", \"es\"]", "[\"en-US\", \"de\"]");
        var found = w.Findings(RuleIds.LocaleUnsupported, platform: WidgetPlatform.Kommo);
        Assert.Equal(2, found.Count);
        Assert.Equal((9, 16), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Contains("write \"en\"", found[0].Message);
        Assert.Equal((9, 25), (found[1].Span.StartLine, found[1].Span.StartColumn));
    }

    [Fact]
    public void Supported_locales_pass_on_both_platforms()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocaleUnsupported, platform: WidgetPlatform.Kommo);
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocaleUnsupported, platform: WidgetPlatform.AmoCrm);
    }
}
