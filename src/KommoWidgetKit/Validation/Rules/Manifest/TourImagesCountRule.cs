using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1063: public tours need 1–5 images per language, and a set for every declared locale.</summary>
public sealed class TourImagesCountRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourImagesCount, "tour-images-count", "Tour images are not 1–5 per language",
        "{0}; the public checklist asks for 1 to 5 tour images (1188×616 JPG) for each language", RuleCategory.Manifest, Severity.Warning,
        PlatformScope.Both, ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root?["tour"] is not JObject tour) return; // a missing tour is KW1060's
        if (tour["tour_images"] is null)
        {
            context.Report(Rule, tour.Span, "tour has no \"tour_images\"");
            return;
        }
        if (tour["tour_images"] is not JObject images) return; // KW1004
        foreach (var lang in images.DistinctProperties)
            if (lang.Value is JArray paths && paths.Items.Count is 0 or > 5)
                context.Report(Rule, paths.Span, $"tour_images.{lang.Name} has {paths.Items.Count} image{(paths.Items.Count == 1 ? "" : "s")}");
        foreach (var locale in manifest.LocaleNodes.Select(n => n.Value).Distinct(StringComparer.Ordinal))
            if (!images.Has(locale))
                context.Report(Rule, images.Span, $"tour_images has no set for the declared locale \"{locale}\"");
    }
}
