using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nUntranslatedRuleTests
{
    [Fact]
    public void Marked_text_is_a_warning_at_the_value_naming_the_key_and_the_file()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"Clave API\"", "\"[untranslated] API key\"");
        var d = FindingAssert.Single(w, RuleIds.I18nUntranslated, 8, 28);
        Assert.Equal(("i18n/es.json", "/settings/api_key", Severity.Warning), (d.Span.Path, d.Span.JsonPointer, d.Severity));
        Assert.Equal("'settings.api_key' in i18n/es.json is marked untranslated (copied from another locale by fix); translate it and remove \"[untranslated] \"", d.Message);
        Assert.Null(d.Fix);
        Assert.Null(d.Descriptor.Fixable);
    }

    [Fact]
    public void Each_marked_text_of_each_file_is_reported()
    {
        var w = TestWidget.Valid()
            .Edit("i18n/es.json", "\"Widget de prueba\"", "\"[untranslated] Test Widget\"")
            .Edit("i18n/es.json", "\"Cómo funciona\"", "\"[untranslated] How it works\"")
            .Edit("i18n/en.json", "\"API key\"", "\"[untranslated] Clave API\"")
            .Set("i18n/pt.json", "{ \"extra\": { \"deep\": { \"text\": \"[untranslated] x\" } } }");
        var found = w.Findings(RuleIds.I18nUntranslated);
        Assert.Equal(
            [("i18n/en.json", "settings.api_key"), ("i18n/es.json", "widget.name"), ("i18n/es.json", "widget.tour_description"), ("i18n/pt.json", "extra.deep.text")],
            found.Select(d => (d.Span.Path, d.Message[1..d.Message.IndexOf('\'', 1)])));
    }

    [Theory]
    [InlineData("Say [untranslated] later")]
    [InlineData("[Untranslated] API key")]
    [InlineData("[untranslated]API key")]
    [InlineData(" [untranslated] API key")]
    [InlineData("[untranslated] ")]
    public void Only_the_exact_mark_at_the_start_counts(string text)
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"Clave API\"", "\"" + text + "\"");
        if (text == "[untranslated] ") FindingAssert.Single(w, RuleIds.I18nUntranslated, 8, 28);
        else FindingAssert.None(w, RuleIds.I18nUntranslated);
    }

    [Fact]
    public void Translated_texts_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nUntranslated);

    [Fact]
    public void Texts_the_fix_copies_are_reported_until_translated()
    {
        var result = WidgetFixer.Compute(TestWidget.Valid().Remove("i18n/es.json").Load());
        var marked = result.After.Diagnostics.Where(d => d.Id == RuleIds.I18nUntranslated).ToList();
        Assert.Equal(5, marked.Count);
        Assert.All(marked, d => Assert.Equal("i18n/es.json", d.Span.Path));
    }
}
