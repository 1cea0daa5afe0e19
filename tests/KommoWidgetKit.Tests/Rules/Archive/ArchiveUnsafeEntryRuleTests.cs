using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ArchiveUnsafeEntryRuleTests
{
    [Fact]
    public void Entry_that_climbs_out_of_the_root_is_one_error_on_that_entry()
    {
        var widget = new ZipBuilder().AddWidget(TestWidget.Valid()).Add("../evil.txt", "x").Load();
        var d = FindingAssert.Single(widget, RuleIds.ArchiveUnsafeEntry, "../evil.txt", 0, 0);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("entry '../evil.txt' was refused: the path climbs out of the widget root with '..'", d.Message);
    }

    [Fact]
    public void Symbolic_link_entry_is_reported()
    {
        var widget = new ZipBuilder().AddWidget(TestWidget.Valid()).Add("images/link.png", "/etc/passwd"u8.ToArray(), unixMode: 0xA1FF).Load();
        var d = FindingAssert.Single(widget, RuleIds.ArchiveUnsafeEntry, "images/link.png", 0, 0);
        Assert.Contains("symbolic links are not allowed", d.Message);
    }

    [Fact]
    public void Archive_of_relative_regular_files_passes() =>
        FindingAssert.None(new ZipBuilder().AddWidget(TestWidget.Valid()).Load(), RuleIds.ArchiveUnsafeEntry);
}
