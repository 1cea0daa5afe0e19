using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1064: a <c>tour_images</c> language that <c>widget.locale</c> does not declare.</summary>
public sealed class TourLanguageUndeclaredRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourLanguageUndeclared, "tour-language-undeclared", "Tour images for an undeclared language",
        "tour_images has a set for \"{0}\", which widget.locale does not declare ({1}); it is never shown", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        // Without a locale array there is nothing to compare with (KW1005/KW1004 report that).
        if (manifest?.WidgetBlock?["locale"] is not JArray || TourImages.Block(context) is not { } images) return;
        var declared = manifest.Locales;
        foreach (var lang in images.DistinctProperties)
            if (!declared.Contains(lang.Name, StringComparer.Ordinal))
                context.Report(Rule, ManifestFacts.NameSpan(lang), lang.Name, declared.Count == 0 ? "none" : ManifestFacts.List(declared));
    }
}
