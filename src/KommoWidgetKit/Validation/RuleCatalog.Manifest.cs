using KommoWidgetKit.Validation.Rules.Manifest;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddManifestRules(List<WidgetRule> rules)
    {
        rules.Add(new ManifestMissingRule());
        rules.Add(new ManifestInvalidJsonRule());
        rules.Add(new ManifestNonStandardJsonRule());
        rules.Add(new ManifestDuplicateKeyRule());
        rules.Add(new ManifestWrongTypeRule());
        rules.Add(new WidgetFieldMissingRule());
        rules.Add(new InterfaceVersionRule());
        rules.Add(new LocaleEmptyRule());
        rules.Add(new LocaleUnsupportedRule());
        rules.Add(new LocaleDuplicateRule());
        rules.Add(new VersionMissingRule());
        rules.Add(new VersionFormatRule());
        rules.Add(new SupportMissingRule());
        rules.Add(new SupportInvalidRule());
        rules.Add(new LegacyCodeSecretRule());
        rules.Add(new UnknownTopLevelKeyRule());
        rules.Add(new WidgetKeyMisplacedRule());
        rules.Add(new LocationsMissingRule());
        rules.Add(new LocationUnknownRule());
        rules.Add(new LocationSuffixMissingRule());
        rules.Add(new LocationSuffixInvalidRule());
        rules.Add(new LocationBothSuffixesRule());
        rules.Add(new LocationDuplicateRule());
        rules.Add(new LocationPlatformRule());
        rules.Add(new WidgetPagePublicOnlyRule());
        rules.Add(new LocationLegacyRule());
        rules.Add(new SettingsMissingRule());
        rules.Add(new SettingsFieldTypeRule());
        rules.Add(new CustomFieldNeedsSettingsLocationRule());
        rules.Add(new CustomFieldMultipleRule());
        rules.Add(new SettingsFieldNameMissingRule());
        rules.Add(new SettingsEmptyRule());
        rules.Add(new PublicSettingsMissingRule());
        rules.Add(new DpBlockMissingRule());
        rules.Add(new DpActionMultipleRule());
        rules.Add(new DpSettingsTypeRule());
        rules.Add(new DpWebhookUrlRule());
        rules.Add(new AdvancedTitleMissingRule());
        rules.Add(new SalesbotBlockInvalidRule());
        rules.Add(new SalesbotFieldTypeRule());
        rules.Add(new SmsEndpointMissingRule());
        rules.Add(new MobileFrameUrlMissingRule());
        rules.Add(new LeftMenuMissingRule());
        rules.Add(new LeftMenuInvalidRule());
        rules.Add(new CardSdkNeedsCardRule());
        rules.Add(new BlockWithoutLocationRule());
        rules.Add(new TourMissingRule());
        rules.Add(new TourIsTourRule());
        rules.Add(new TourImageMissingRule());
        rules.Add(new TourImagesCountRule());
        rules.Add(new TourLanguageUndeclaredRule());
        rules.Add(new PublicNameLengthRule());
        rules.Add(new PublicShortDescriptionLengthRule());
        rules.Add(new PublicDescriptionLengthRule());
        rules.Add(new InitOnceStringRule());
    }
}
