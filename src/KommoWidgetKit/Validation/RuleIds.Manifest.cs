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
    /// <summary>A known manifest key has the wrong JSON type.</summary>
    public const string ManifestWrongType = "KW1004";
    /// <summary>The widget block or a required widget key is missing.</summary>
    public const string WidgetFieldMissing = "KW1005";
    /// <summary>widget.interface_version is not 2.</summary>
    public const string InterfaceVersion = "KW1006";
    /// <summary>widget.locale is empty.</summary>
    public const string LocaleEmpty = "KW1007";
    /// <summary>A widget.locale entry is not a language of the platform.</summary>
    public const string LocaleUnsupported = "KW1008";
    /// <summary>A widget.locale entry is listed twice.</summary>
    public const string LocaleDuplicate = "KW1009";
    /// <summary>widget.version is missing.</summary>
    public const string VersionMissing = "KW1010";
    /// <summary>widget.version is not numbers separated by dots.</summary>
    public const string VersionFormat = "KW1011";
    /// <summary>widget.support is missing or empty.</summary>
    public const string SupportMissing = "KW1012";
    /// <summary>widget.support has a link that is not a URL or an email that is not an address.</summary>
    public const string SupportInvalid = "KW1013";
    /// <summary>Legacy widget.code or widget.secret_key is present.</summary>
    public const string LegacyCodeSecret = "KW1014";
    /// <summary>A top-level key that no doc describes.</summary>
    public const string UnknownTopLevelKey = "KW1015";
    /// <summary>A top-level key is written inside the widget block.</summary>
    public const string WidgetKeyMisplaced = "KW1016";
    /// <summary>locations is missing or empty.</summary>
    public const string LocationsMissing = "KW1020";
    /// <summary>A locations entry names no known area.</summary>
    public const string LocationUnknown = "KW1021";
    /// <summary>A card or list location has no -0/-1 suffix.</summary>
    public const string LocationSuffixMissing = "KW1022";
    /// <summary>A location has a suffix its area cannot take.</summary>
    public const string LocationSuffixInvalid = "KW1023";
    /// <summary>An area is listed with both -0 and -1.</summary>
    public const string LocationBothSuffixes = "KW1024";
    /// <summary>A location is listed twice.</summary>
    public const string LocationDuplicate = "KW1025";
    /// <summary>An amoCRM-only location in a Kommo widget.</summary>
    public const string LocationPlatform = "KW1026";
    /// <summary>widget_page in a private integration.</summary>
    public const string WidgetPagePublicOnly = "KW1027";
    /// <summary>A location documented only in the legacy docs.</summary>
    public const string LocationLegacy = "KW1028";
    /// <summary>installation is true but there is no settings block.</summary>
    public const string SettingsMissing = "KW1030";
    /// <summary>A settings field type is not text, pass, users, users_lp or custom.</summary>
    public const string SettingsFieldType = "KW1031";
    /// <summary>A custom settings field without the settings location.</summary>
    public const string CustomFieldNeedsSettingsLocation = "KW1032";
    /// <summary>More than one custom settings field.</summary>
    public const string CustomFieldMultiple = "KW1033";
    /// <summary>A settings field has no name.</summary>
    public const string SettingsFieldNameMissing = "KW1034";
    /// <summary>settings is empty while installation is true.</summary>
    public const string SettingsEmpty = "KW1035";
    /// <summary>A public integration has no settings block.</summary>
    public const string PublicSettingsMissing = "KW1036";
    /// <summary>The digital_pipeline location without a dp block.</summary>
    public const string DpBlockMissing = "KW1040";
    /// <summary>A dp block without action_multiple.</summary>
    public const string DpActionMultiple = "KW1041";
    /// <summary>A dp.settings field type that is not a settings type.</summary>
    public const string DpSettingsType = "KW1042";
    /// <summary>dp.webhook_url is not an absolute https URL.</summary>
    public const string DpWebhookUrl = "KW1043";
    /// <summary>The advanced_settings location without advanced.title.</summary>
    public const string AdvancedTitleMissing = "KW1044";
    /// <summary>The salesbot_designer block is missing or has no valid handler.</summary>
    public const string SalesbotBlockInvalid = "KW1045";
    /// <summary>A Salesbot handler setting type is not text, numeric or url.</summary>
    public const string SalesbotFieldType = "KW1046";
    /// <summary>The sms location without a usable sms.endpoint.</summary>
    public const string SmsEndpointMissing = "KW1047";
    /// <summary>The mobile_card location without a usable mobile.frame_url.</summary>
    public const string MobileFrameUrlMissing = "KW1048";
    /// <summary>The widget_page location without left_menu.</summary>
    public const string LeftMenuMissing = "KW1049";
    /// <summary>A left_menu entry does not follow the documented shape.</summary>
    public const string LeftMenuInvalid = "KW1050";
    /// <summary>The card_sdk location without a card location.</summary>
    public const string CardSdkNeedsCard = "KW1051";
    /// <summary>A location-bound block whose location is not listed.</summary>
    public const string BlockWithoutLocation = "KW1052";
    /// <summary>The manifest has no tour block.</summary>
    public const string TourMissing = "KW1060";
    /// <summary>tour.is_tour is present and not true.</summary>
    public const string TourIsTour = "KW1061";
    /// <summary>A tour image path names no file.</summary>
    public const string TourImageMissing = "KW1062";
    /// <summary>Tour images are not 1-5 per declared language (public).</summary>
    public const string TourImagesCount = "KW1063";
    /// <summary>tour_images has a language widget.locale does not declare.</summary>
    public const string TourLanguageUndeclared = "KW1064";
    /// <summary>The widget name is over 30 characters or has a word over 19 (public).</summary>
    public const string PublicNameLength = "KW1080";
    /// <summary>The short description is over 50 characters (public).</summary>
    public const string PublicShortDescriptionLength = "KW1081";
    /// <summary>The description is over 400 characters without HTML (public).</summary>
    public const string PublicDescriptionLength = "KW1082";
    /// <summary>widget.init_once is a string or number instead of a boolean.</summary>
    public const string InitOnceString = "KW1083";
}
