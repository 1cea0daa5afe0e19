using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ArchiveUnreadableRuleTests
{
    [Fact]
    public void Two_entries_with_one_path_are_one_error_on_that_path()
    {
        var widget = new ZipBuilder().AddWidget(TestWidget.Valid()).Add("script.js", "define([], function () {});").Load();
        var d = FindingAssert.Single(widget, RuleIds.ArchiveUnreadable, "script.js", 0, 0);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("script.js: the archive has two entries with this path; the first one is used", d.Message);
    }

    [Fact]
    public void Truncated_archive_is_one_error_on_the_archive()
    {
        var zip = new ZipBuilder().AddWidget(TestWidget.Valid()).Build();
        var d = FindingAssert.Single(ZipBuilder.Load(zip[..(zip.Length / 2)]), RuleIds.ArchiveUnreadable, "", 0, 0);
        Assert.StartsWith("archive: truncated: ", d.Message);
    }

    [Fact]
    public void Archive_written_in_full_passes() =>
        FindingAssert.None(new ZipBuilder().AddWidget(TestWidget.Valid()).Load(), RuleIds.ArchiveUnreadable);
}
