using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ArchiveTooLargeRuleTests
{
    private static readonly WidgetLoadOptions SmallCaps = new() { MaxFileSize = 64 * 1024, MaxTotalSize = 256 * 1024, MaxEntries = 50 };

    [Fact]
    public void File_over_the_cap_is_one_error_on_that_file()
    {
        var widget = new ZipBuilder().AddWidget(TestWidget.Valid()).Add("assets/video.bin", new byte[100 * 1024]).Load(SmallCaps);
        var d = FindingAssert.Single(widget, RuleIds.ArchiveTooLarge, "assets/video.bin", 0, 0);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("assets/video.bin: it unpacks to 102,400 bytes; files over 65,536 bytes are refused", d.Message);
    }

    [Fact]
    public void Too_many_entries_are_reported_for_the_archive()
    {
        var builder = new ZipBuilder();
        for (int i = 0; i < 60; i++) builder.Add($"f{i:D2}.txt", "x");
        var widget = builder.Load(SmallCaps);
        var d = FindingAssert.Single(widget, RuleIds.ArchiveTooLarge, "", 0, 0);
        Assert.StartsWith("archive: the archive has 60 entries; at most 50 are read", d.Message);
    }

    [Fact]
    public void Widget_under_the_caps_passes() =>
        FindingAssert.None(new ZipBuilder().AddWidget(TestWidget.Valid()).Load(SmallCaps), RuleIds.ArchiveTooLarge);
}
