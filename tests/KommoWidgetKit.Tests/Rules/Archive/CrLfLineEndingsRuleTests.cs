using System.Text;
using KommoWidgetKit.Fixing;
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

    [Fact]
    public void Fix_turns_crlf_and_lone_cr_into_lf_and_keeps_every_other_byte()
    {
        const string text = "/* é */\r.a { color: red; }\r\n\r\n.b {}\r.c {}\n\r\r\n";
        var w = TestWidget.Valid().Set("style.css", Encoding.UTF8.GetBytes(text));
        var result = FixAssert.Fixes(w, RuleIds.CrLfLineEndings);
        FixAssert.OnlyChanged(result, "style.css", "/* é */\n.a { color: red; }\n\n.b {}\n.c {}\n\n\n");
        Assert.Equal([1], FixAssert.Passes(result, RuleIds.CrLfLineEndings));
    }

    [Fact]
    public void Fix_of_a_crlf_manifest_keeps_it_valid_json()
    {
        var w = TestWidget.Valid().Set("manifest.json", Encoding.UTF8.GetBytes(TestWidget.ValidManifest.Replace("\n", "\r\n")));
        var result = FixAssert.Fixes(w, RuleIds.CrLfLineEndings);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
        Assert.Empty(result.After.Diagnostics);
    }

    [Fact]
    public void Fix_of_a_file_ending_in_a_lone_cr()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().Set("templates/a.twig", Encoding.UTF8.GetBytes("<p>\r")), RuleIds.CrLfLineEndings);
        FixAssert.OnlyChanged(result, "templates/a.twig", "<p>\n");
    }

    [Fact]
    public void Fix_is_safe_and_offered_with_each_finding()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Set("style.css", Encoding.UTF8.GetBytes(".a {}\r\n")), RuleIds.CrLfLineEndings, 1, 6);
        Assert.Equal(FixSafety.Safe, d.Fix!.Safety);
        Assert.Equal(FixSafety.Safe, d.Descriptor.Fixable);
    }
}
