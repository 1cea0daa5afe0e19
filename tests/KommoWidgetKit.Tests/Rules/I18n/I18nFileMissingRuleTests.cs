using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

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
}
