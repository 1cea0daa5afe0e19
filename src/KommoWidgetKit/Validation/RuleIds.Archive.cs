namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>An archive entry escapes the root or is a link.</summary>
    public const string ArchiveUnsafeEntry = "KW6000";
    /// <summary>A file, the total or the entry count is over the cap.</summary>
    public const string ArchiveTooLarge = "KW6001";
    /// <summary>An archive entry is encrypted.</summary>
    public const string ArchiveEncryptedEntry = "KW6002";
    /// <summary>All files sit inside one top-level folder.</summary>
    public const string ArchiveWrapperFolder = "KW6003";
    /// <summary>Junk files or folders in the widget.</summary>
    public const string JunkFile = "KW6004";
    /// <summary>The archive or an entry cannot be read.</summary>
    public const string ArchiveUnreadable = "KW6011";
    /// <summary>The kommo-widget.json configuration has problems.</summary>
    public const string ConfigInvalid = "KW6020";
}
