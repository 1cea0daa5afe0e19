using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>Reads <c>tour.tour_images</c> for the tour rules.</summary>
internal static class TourImages
{
    /// <summary>The <c>tour_images</c> object, when the tour block and it are objects.</summary>
    public static JObject? Block(RuleContext context) => context.Manifest?.Root?.GetObject("tour")?.GetObject("tour_images");

    /// <summary>The widget-root path a tour image entry points to: leading <c>/</c> and <c>./</c> removed.</summary>
    public static string Normalize(string path)
    {
        string p = path.Trim();
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p.TrimStart('/');
    }

    /// <summary>True for entries that are web addresses rather than files in the archive.</summary>
    public static bool IsRemote(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("//", StringComparison.Ordinal);
}
