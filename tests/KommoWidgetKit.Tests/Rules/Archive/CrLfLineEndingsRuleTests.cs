using System.Text;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class CrLfLineEndingsRuleTests
{
    [Fact]
    public void First_crlf_is_reported_with_the_count()
    {
        var w = TestWidget.Valid().Set("style.css", Encoding.UTF8.GetBytes(".a {}\n.b {}\r\n.c {}\r\n"));
        var d = FindingAssert.Single(w, RuleIds.CrLfLineEndings, 2, 6);
        Assert.Contains("2 CRLF", d.Message);
    }

    [Fact]
    public void Lone_cr_is_reported()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("templates/a.twig", Encoding.UTF8.GetBytes("<p>\r</p>\n")), RuleIds.CrLfLineEndings, 1, 4);
        Assert.Contains("lone CR", d.Message);
    }

    [Fact]
    public void Unix_line_feeds_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.CrLfLineEndings);
}
