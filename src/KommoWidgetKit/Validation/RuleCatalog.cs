namespace KommoWidgetKit.Validation;

/// <summary>Every rule, registered explicitly (no reflection, so the library stays trim and AOT safe).</summary>
/// <remarks>Each area registers its rules in its own partial file (<c>RuleCatalog.&lt;Area&gt;.cs</c>).</remarks>
public static partial class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<WidgetRule>> _all = new(() =>
    {
        var rules = new List<WidgetRule>();
        AddManifestRules(rules);
        AddScriptRules(rules);
        AddI18nRules(rules);
        AddImageRules(rules);
        AddTemplateRules(rules);
        AddArchiveRules(rules);
        rules.Sort((a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    });

    /// <summary>All rules, ordered by ID.</summary>
    public static IReadOnlyList<WidgetRule> All => _all.Value;

    /// <summary>The rule with this ID (KW1001) or name (manifest-invalid-json), or null.</summary>
    public static WidgetRule? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, idOrName, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(r.Descriptor.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    static partial void AddManifestRules(List<WidgetRule> rules);
    static partial void AddScriptRules(List<WidgetRule> rules);
    static partial void AddI18nRules(List<WidgetRule> rules);
    static partial void AddImageRules(List<WidgetRule> rules);
    static partial void AddTemplateRules(List<WidgetRule> rules);
    static partial void AddArchiveRules(List<WidgetRule> rules);
}
