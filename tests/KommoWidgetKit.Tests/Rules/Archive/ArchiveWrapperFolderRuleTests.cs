using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ArchiveWrapperFolderRuleTests
{
    [Fact]
    public void Files_inside_one_top_level_folder_are_one_error_on_that_folder()
    {
        var widget = new ZipBuilder().AddWidget(TestWidget.Valid(), "my-widget/").Load();
        var d = FindingAssert.Single(widget, RuleIds.ArchiveWrapperFolder, "my-widget/", 0, 0);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.StartsWith("all files are inside the folder 'my-widget/', but Kommo needs manifest.json at the root", d.Message);
    }

    [Fact]
    public void Files_at_the_root_pass() =>
        FindingAssert.None(new ZipBuilder().AddWidget(TestWidget.Valid()).Load(), RuleIds.ArchiveWrapperFolder);

    [Fact]
    public void A_folder_without_a_manifest_is_not_taken_for_a_wrapper() =>
        FindingAssert.None(new ZipBuilder().Add("src/script.js", TestWidget.ValidScript).Load(), RuleIds.ArchiveWrapperFolder);
}
