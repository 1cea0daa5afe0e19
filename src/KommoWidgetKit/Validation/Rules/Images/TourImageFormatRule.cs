using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4005: tour (slideshow) images are 1188×616 JPEG (PNG is accepted) and must exist (spec §1.3).</summary>
/// <remarks>Paths come from <c>tour.tour_images.&lt;lang&gt;</c>; a leading <c>/</c> means the widget root. Absolute URLs are not checked.</remarks>
public sealed class TourImageFormatRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourImageFormat, "tour-image-format", "A tour image is missing or has the wrong size or format",
        "tour image '{0}' {1}", RuleCategory.Images, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root?.GetObject("tour")?.GetObject("tour_images") is not { } images) return;
        foreach (var language in images.DistinctProperties)
        {
            if (language.Value is not JArray list) continue;
            foreach (var item in list.Items.OfType<JString>())
            {
                string raw = item.Value.Trim();
                if (raw.Length == 0 || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("//", StringComparison.Ordinal)) continue;
                string path = raw.TrimStart('/');
                if (!context.Widget.Images.TryGetValue(path, out var info))
                {
                    var other = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
                    context.Report(Rule, item.Span, raw, other is null ? "is not in the widget" : $"is not in the widget (found '{other.Path}'; names are case-sensitive)");
                    continue;
                }
                if (info.Format is not (ImageFormat.Jpeg or ImageFormat.Png))
                {
                    context.Report(Rule, item.Span, raw, $"is {(info.Format == ImageFormat.Unknown ? "not a readable image" : "a " + info.Format.ToString().ToUpperInvariant() + " file")}; tour images must be JPEG (or PNG)");
                    continue;
                }
                if (info.Width > 0 && (info.Width != LogoSpec.TourWidth || info.Height != LogoSpec.TourHeight))
                    context.Report(Rule, item.Span, raw, $"is {info.Width}×{info.Height} px but must be {LogoSpec.TourWidth}×{LogoSpec.TourHeight} px");
            }
        }
    }
}
