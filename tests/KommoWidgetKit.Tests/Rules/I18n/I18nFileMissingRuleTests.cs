using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nFileMissingRuleTests
{
    [Fact]
    public void Missing_file_is_reported_at_the_locale_in_the_manifest()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Remove("i18n/es.json"), RuleIds.I18nFileMissing, 9, 22);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal("/widget/locale/1", d.Span.JsonPointer);
    }

    [Fact]
    public void File_with_other_case_is_named()
    {
        var w = TestWidget.Valid().Remove("i18n/es.json").Set("i18n/ES.json", TestWidget.ValidI18nEs);
        var d = FindingAssert.Single(w, RuleIds.I18nFileMissing, 9, 22);
        Assert.Contains("i18n/ES.json", d.Message);
    }

    [Fact]
    public void All_files_present_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nFileMissing);

    /// <summary>i18n/en.json as the fix writes it into a new file: the same keys, each text marked untranslated.</summary>
    internal const string MarkedEn = """
        {
          "widget": {
            "name": "[untranslated] Test Widget",
            "description": "[untranslated] Shows a test block in the lead card.",
            "short_description": "[untranslated] A test widget",
            "tour_description": "[untranslated] How it works"
          },
          "settings": {
            "api_key": "[untranslated] API key"
          }
        }

        """;

    [Fact]
    public void Fix_creates_the_file_from_the_first_declared_locale_with_every_text_marked()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().Remove("i18n/es.json"), RuleIds.I18nFileMissing);
        FixAssert.OnlyChanged(result, "i18n/es.json", MarkedEn);
        Assert.True(result.Changes[0].Created);
        // Each copied text is now KW3010's warning until someone translates it.
        Assert.Equal(5, result.After.Diagnostics.Count(d => d.Id == RuleIds.I18nUntranslated));
        Assert.Equal(5, result.After.Diagnostics.Count);
    }

    [Fact]
    public void Fix_copies_from_the_next_locale_when_the_first_has_no_file_and_keeps_its_layout_and_non_ascii_text()
    {
        string es = Crlf(Tabs(FixAssert.ReplaceOnce(TestWidget.ValidI18nEs, "\"Clave API\"", "\"Ключ API \\\"v2\\\" ✓\"")));
        var w = TestWidget.Valid().Remove("i18n/en.json").Set("i18n/es.json", Bytes(es));
        var result = FixAssert.Fixes(w, RuleIds.I18nFileMissing, FixAssert.Only(false, RuleIds.I18nFileMissing));
        string expected = Crlf(Tabs("""
            {
              "widget": {
                "name": "[untranslated] Widget de prueba",
                "description": "[untranslated] Muestra un bloque de prueba en la tarjeta.",
                "short_description": "[untranslated] Un widget de prueba",
                "tour_description": "[untranslated] Cómo funciona"
              },
              "settings": {
                "api_key": "[untranslated] Ключ API \"v2\" ✓"
              }
            }

            """));
        FixAssert.OnlyChanged(result, "i18n/en.json", expected);
    }

    [Fact]
    public void Fix_of_two_missing_files()
    {
        var w = TestWidget.Valid().Remove("i18n/es.json").EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"en\", \"es\", \"pt\"]");
        var result = WidgetFixer.Compute(w.Load());
        Assert.Equal(["i18n/es.json", "i18n/pt.json"], result.Changes.Select(c => c.Path));
        Assert.All(result.Changes, c => Assert.Equal(MarkedEn, System.Text.Encoding.UTF8.GetString(c.After)));
        Assert.DoesNotContain(result.After.Diagnostics, d => d.Id == RuleIds.I18nFileMissing);
        FixAssert.Idempotent(result);
    }

    [Fact]
    public void No_fix_for_a_file_with_other_case_or_without_any_file_to_copy()
    {
        var cased = TestWidget.Valid().Remove("i18n/es.json").Set("i18n/ES.json", TestWidget.ValidI18nEs);
        Assert.Null(Assert.Single(cased.Findings(RuleIds.I18nFileMissing)).Fix);
        var result = WidgetFixer.Compute(cased.Load());
        Assert.False(result.HasChanges);

        var none = TestWidget.Valid().Remove("i18n/es.json").Remove("i18n/en.json");
        Assert.All(none.Findings(RuleIds.I18nFileMissing), d => Assert.Null(d.Fix));
        Assert.False(WidgetFixer.Compute(none.Load()).HasChanges);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("es ")]
    [InlineData("sub/es")]
    [InlineData("ES")]
    public void No_fix_for_a_locale_that_is_no_language_of_the_platform(string locale)
    {
        var w = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"en\", \"es\", \"" + locale + "\"]");
        var d = Assert.Single(w.Findings(RuleIds.I18nFileMissing));
        Assert.Null(d.Fix);
        Assert.False(WidgetFixer.Compute(w.Load(), FixAssert.Unsafe).HasChanges);
    }

    [Fact]
    public void Fix_of_a_locale_of_the_other_platform_follows_the_platform()
    {
        var w = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"en\", \"es\", \"ru\"]");
        // ru makes the platform amoCRM, where it is a language.
        var result = FixAssert.Fixes(w, RuleIds.I18nFileMissing);
        Assert.Equal(["i18n/ru.json"], result.Changes.Select(c => c.Path));
        var kommo = new FixOptions { Validation = new ValidationOptions { Platform = Model.WidgetPlatform.Kommo } };
        Assert.DoesNotContain(WidgetFixer.Compute(w.Load(), kommo).Changes, c => c.Path == "i18n/ru.json");
    }

    [Fact]
    public void Fix_is_safe_and_named_after_both_files()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Remove("i18n/es.json"), RuleIds.I18nFileMissing, 9, 22);
        Assert.Equal((FixSafety.Safe, "Create i18n/es.json from i18n/en.json"), (d.Fix!.Safety, d.Fix.Title));
    }
}
