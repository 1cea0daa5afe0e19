using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class JunkFileRuleTests
{
    [Fact]
    public void Junk_file_is_one_warning_on_that_file()
    {
        var w = TestWidget.Valid().Set(".DS_Store", [0, 1, 2]);
        var d = FindingAssert.Single(w, RuleIds.JunkFile, 0, 0);
        Assert.Equal(".DS_Store", d.Span.Path);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.EndsWith("does not belong in the widget; pack leaves it out", d.Message);
    }

    [Fact]
    public void Skipped_folder_is_reported_once_with_a_trailing_slash()
    {
        var w = TestWidget.Valid().Set("node_modules/x/index.js", "x").Set("node_modules/y/index.js", "y");
        var d = FindingAssert.Single(w, RuleIds.JunkFile, 0, 0);
        Assert.Equal("node_modules/", d.Span.Path);
    }

    [Fact]
    public void Widget_files_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.JunkFile);
}
