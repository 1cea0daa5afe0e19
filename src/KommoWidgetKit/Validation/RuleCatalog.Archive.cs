using KommoWidgetKit.Validation.Rules.Archive;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddArchiveRules(List<WidgetRule> rules)
    {
        rules.Add(new ArchiveUnsafeEntryRule());
        rules.Add(new ArchiveTooLargeRule());
        rules.Add(new ArchiveEncryptedEntryRule());
        rules.Add(new ArchiveWrapperFolderRule());
        rules.Add(new JunkFileRule());
        rules.Add(new ArchiveUnreadableRule());
        rules.Add(new ConfigInvalidRule());
        rules.Add(new TextBomRule());
        rules.Add(new TextNotUtf8Rule());
        rules.Add(new CrLfLineEndingsRule());
        rules.Add(new NestedManifestRule());
        rules.Add(new FileNameCaseClashRule());
        rules.Add(new JsonBomRule());
    }
}
