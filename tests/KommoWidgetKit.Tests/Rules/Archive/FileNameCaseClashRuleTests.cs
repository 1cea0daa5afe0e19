using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class FileNameCaseClashRuleTests
{
    [Fact]
    public void Two_files_differing_only_by_case_are_reported_once()
    {
        var w = TestWidget.Valid().Set("templates/List.twig", "<p></p>\n").Set("templates/list.twig", "<p></p>\n");
        var d = FindingAssert.Single(w, RuleIds.FileNameCaseClash, 0, 0);
        Assert.Equal("templates/list.twig", d.Span.Path);
        Assert.Contains("templates/List.twig", d.Message);
    }

    [Fact]
    public void Folders_differing_only_by_case_are_reported()
    {
        var w = TestWidget.Valid().Set("Templates/a.twig", "<p></p>\n").Set("templates/b.twig", "<p></p>\n");
        var d = FindingAssert.Single(w, RuleIds.FileNameCaseClash, 0, 0);
        Assert.Equal("templates/", d.Span.Path);
    }

    [Fact]
    public void Logo_with_wrong_case_is_reported_at_the_file()
    {
        var w = TestWidget.Valid().Remove("images/logo_small.png").Set("images/Logo_Small.png", TestWidget.Png(108, 108));
        var d = FindingAssert.Single(w, RuleIds.FileNameCaseClash, 0, 0);
        Assert.Equal("images/Logo_Small.png", d.Span.Path);
        Assert.Contains("images/logo_small.png", d.Message);
    }

    [Fact]
    public void Distinct_names_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.FileNameCaseClash);
}
