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

    private static readonly Lazy<Dictionary<string, Diagnostics.DiagnosticDescriptor>> _descriptors = new(() =>
    {
        var map = new Dictionary<string, Diagnostics.DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in All) map.TryAdd(rule.Descriptor.Id, rule.Descriptor);
        return map;
    });

    /// <summary>The descriptor of the rule with exactly this ID (ordinal, no names), or null.</summary>
    internal static Diagnostics.DiagnosticDescriptor? DescriptorById(string id) => _descriptors.Value.GetValueOrDefault(id);

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
