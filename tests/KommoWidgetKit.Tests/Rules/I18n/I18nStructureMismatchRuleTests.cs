using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

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
}
