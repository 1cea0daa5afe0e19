namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>No manifest.json at the widget root.</summary>
    public const string ManifestMissing = "KW1000";
    /// <summary>manifest.json is not valid JSON.</summary>
    public const string ManifestInvalidJson = "KW1001";
    /// <summary>manifest.json uses comments or trailing commas.</summary>
    public const string ManifestNonStandardJson = "KW1002";
    /// <summary>manifest.json repeats a key in one object.</summary>
    public const string ManifestDuplicateKey = "KW1003";
}
