using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class I18nUndeclaredLocaleRuleTests
{
    [Fact]
    public void File_of_an_undeclared_locale_is_reported_for_the_file()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("i18n/pt.json", TestWidget.ValidI18nEn), RuleIds.I18nUndeclaredLocale, 0, 0);
        Assert.Equal("i18n/pt.json", d.Span.Path);
    }

    [Fact]
    public void Declared_locales_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.I18nUndeclaredLocale);

    private const string Locale = "\"locale\": [\"en\", \"es\"]";

    [Fact]
    public void Fix_declares_a_language_of_the_platform()
    {
        var w = TestWidget.Valid().Set("i18n/pt.json", TestWidget.ValidI18nEn);
        var result = FixAssert.Fixes(w, RuleIds.I18nUndeclaredLocale);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, Locale, "\"locale\": [\"en\", \"es\", \"pt\"]"));
        Assert.Equal((FixSafety.Safe, "Add \"pt\" to widget.locale"), (result.Applied[0].Safety, result.Applied[0].Title));
    }

    [Fact]
    public void Fix_of_a_locale_list_over_several_lines_with_crlf()
    {
        string manifest = Crlf(FixAssert.ReplaceOnce(TestWidget.ValidManifest, Locale, "\"locale\": [\n      \"en\",\n      \"es\"\n    ]"));
        var w = TestWidget.Valid().Set("manifest.json", Bytes(manifest)).Set("i18n/pt.json", TestWidget.ValidI18nEn);
        var result = FixAssert.Fixes(w, RuleIds.I18nUndeclaredLocale, FixAssert.Only(false, RuleIds.I18nUndeclaredLocale));
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(manifest, "\"es\"\r\n", "\"es\",\r\n      \"pt\"\r\n"));
    }

    [Fact]
    public void Fix_of_two_files_declares_both_in_one_pass()
    {
        var w = TestWidget.Valid().Set("i18n/pt.json", TestWidget.ValidI18nEn).Set("i18n/tr.json", TestWidget.ValidI18nEn);
        var result = FixAssert.Fixes(w, RuleIds.I18nUndeclaredLocale);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, Locale, "\"locale\": [\"en\", \"es\", \"pt\", \"tr\"]"));
        Assert.Equal([1, 1], FixAssert.Passes(result, RuleIds.I18nUndeclaredLocale));
    }

    [Fact]
    public void Fix_follows_the_platform()
    {
        var w = TestWidget.Valid().Set("i18n/ru.json", TestWidget.ValidI18nEn);
        Assert.Null(Assert.Single(w.Findings(RuleIds.I18nUndeclaredLocale)).Fix);
        var options = new FixOptions { Validation = new ValidationOptions { Platform = WidgetPlatform.AmoCrm } };
        var result = FixAssert.Fixes(w, RuleIds.I18nUndeclaredLocale, options);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, Locale, "\"locale\": [\"en\", \"es\", \"ru\"]"));
    }

    [Theory]
    [InlineData("i18n/backup.json")]
    [InlineData("i18n/en_old.json")]
    [InlineData("i18n/PT.json")]
    [InlineData("i18n/Es.json")]
    public void No_fix_for_a_file_that_is_not_a_language(string path)
    {
        var w = TestWidget.Valid().Set(path, TestWidget.ValidI18nEn);
        var d = Assert.Single(w.Findings(RuleIds.I18nUndeclaredLocale));
        Assert.Equal(path, d.Span.Path);
        Assert.Null(d.Fix);
        var result = WidgetFixer.Compute(w.Load(), FixAssert.Unsafe);
        Assert.False(result.HasChanges);
        Assert.Empty(result.NotApplied);
    }

    [Fact]
    public void Fix_of_an_empty_locale_list_declares_each_file()
    {
        var w = TestWidget.Valid().EditManifest(Locale, "\"locale\": []");
        var result = FixAssert.Fixes(w, RuleIds.I18nUndeclaredLocale);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
        // Both would go into the empty brackets at one place, so the second waits a round and follows the first.
        Assert.Equal([1, 2], FixAssert.Passes(result, RuleIds.I18nUndeclaredLocale));
    }

    [Fact]
    public void Fix_that_declares_an_incomplete_file_is_followed_by_the_fixes_of_its_missing_keys()
    {
        string pt = FixAssert.ReplaceOnce(TestWidget.ValidI18nEn, ",\n  \"settings\": { \"api_key\": \"API key\" }", "");
        var result = FixAssert.Fixes(TestWidget.Valid().Set("i18n/pt.json", pt), RuleIds.I18nUndeclaredLocale);
        Assert.Equal(["i18n/pt.json", "manifest.json"], result.Changes.Select(c => c.Path));
        FixAssert.Changed(result, "i18n/pt.json", FixAssert.ReplaceOnce(TestWidget.ValidI18nEn, "\"settings\": { \"api_key\": \"API key\" }",
            "\"settings\": {\n    \"api_key\": \"[untranslated] API key\"\n  }"));
        Assert.Equal(1, FixAssert.Passes(result, RuleIds.I18nUndeclaredLocale).Single());
        Assert.All(result.Applied.Where(a => a.Finding.Id != RuleIds.I18nUndeclaredLocale), a => Assert.Equal(2, a.Pass));
        Assert.DoesNotContain(result.After.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
    }
}
