namespace KommoWidgetKit.Model;

/// <summary>What went wrong with one entry while loading.</summary>
public enum LoadIssueKind
{
    /// <summary>The entry's path leaves the widget root (<c>..</c>, absolute path, drive letter).</summary>
    UnsafePath,
    /// <summary>The entry is a symbolic link.</summary>
    Link,
    /// <summary>The entry is encrypted.</summary>
    Encrypted,
    /// <summary>The entry is larger than the per-file cap.</summary>
    FileTooLarge,
    /// <summary>The whole widget is larger than the total cap.</summary>
    TotalTooLarge,
    /// <summary>More entries than the cap.</summary>
    TooManyEntries,
    /// <summary>The archive or an entry could not be read.</summary>
    Corrupt,
    /// <summary>Two entries have the same path.</summary>
    DuplicateEntry,
    /// <summary>A folder nested deeper than the cap.</summary>
    TooDeep,
    /// <summary>A file could not be read from disk.</summary>
    Unreadable,
}

/// <summary>A problem with the input met while loading; rules turn these into diagnostics.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Path">The entry's path as written in the input.</param>
/// <param name="Detail">A short explanation for the message.</param>
public sealed record LoadIssue(LoadIssueKind Kind, string Path, string Detail);
