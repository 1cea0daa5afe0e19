namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
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
}
