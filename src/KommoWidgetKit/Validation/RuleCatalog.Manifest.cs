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
    }
}
