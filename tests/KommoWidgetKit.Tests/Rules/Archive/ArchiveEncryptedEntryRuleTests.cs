using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class ArchiveEncryptedEntryRuleTests
{
    [Fact]
    public void Encrypted_entry_is_one_error_on_that_entry()
    {
        var zip = ZipBuilder.MarkEncrypted(new ZipBuilder().Add("manifest.json", TestWidget.ValidManifest).Build());
        var d = FindingAssert.Single(ZipBuilder.Load(zip), RuleIds.ArchiveEncryptedEntry, "manifest.json", 0, 0);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("entry 'manifest.json' is encrypted; re-create the archive without a password", d.Message);
    }

    [Fact]
    public void Archive_without_a_password_passes() =>
        FindingAssert.None(new ZipBuilder().AddWidget(TestWidget.Valid()).Load(), RuleIds.ArchiveEncryptedEntry);
}
