namespace KommoWidgetKit.Validation;

/// <summary>Rule IDs as constants; an ID is never reused. Ranges: KW1xxx manifest, KW2xxx script, KW3xxx i18n,
/// KW4xxx images, KW5xxx templates and CSS, KW6xxx archive and packaging. Each area keeps its IDs in its own partial file.</summary>
public static partial class RuleIds
{
}
