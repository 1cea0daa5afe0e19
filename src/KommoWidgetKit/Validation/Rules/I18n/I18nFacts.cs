using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>Facts about the i18n files shared by the i18n rules.</summary>
internal static class I18nFacts
{
    /// <summary>The files of the declared locales that parsed to an object, in declaration order (each locale once).</summary>
    public static IReadOnlyList<I18nDocument> DeclaredDocuments(Widget widget)
    {
        var manifest = widget.Manifest;
        if (manifest is null) return [];
        var list = new List<I18nDocument>();
        foreach (var locale in manifest.Locales.Distinct(StringComparer.Ordinal))
            if (widget.GetI18n(locale) is { Root: not null } doc) list.Add(doc);
        return list;
    }
}
