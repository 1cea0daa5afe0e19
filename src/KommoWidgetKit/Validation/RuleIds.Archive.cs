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
    /// <summary>A text file starts with a UTF-8 byte order mark (files other than those of <see cref="JsonBom"/>).</summary>
    public const string TextBom = "KW6005";
    /// <summary>A text file is not valid UTF-8.</summary>
    public const string TextNotUtf8 = "KW6006";
    /// <summary>A text file has CRLF or lone CR line endings.</summary>
    public const string CrLfLineEndings = "KW6007";
    /// <summary>A second manifest.json below the root.</summary>
    public const string NestedManifest = "KW6008";
    /// <summary>Paths that differ only by letter case, or a required file named with the wrong case.</summary>
    public const string FileNameCaseClash = "KW6009";
    /// <summary>manifest.json or an i18n file starts with a byte order mark, which Kommo's JSON parser refuses.</summary>
    public const string JsonBom = "KW6010";
    /// <summary>The archive or an entry cannot be read.</summary>
    public const string ArchiveUnreadable = "KW6011";
    /// <summary>The kommo-widget.json configuration has problems.</summary>
    public const string ConfigInvalid = "KW6020";
}
