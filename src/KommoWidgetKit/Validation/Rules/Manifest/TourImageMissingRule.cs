using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1062: a <c>tour.tour_images</c> path names no file in the widget.</summary>
public sealed class TourImageMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.TourImageMissing, "tour-image-missing", "Tour image file is missing",
        "tour image \"{0}\" does not exist in the widget{1}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (TourImages.Block(context) is not { } images) return;
        foreach (var lang in images.DistinctProperties)
        {
            if (lang.Value is not JArray paths) continue;
            foreach (var item in paths.Items)
            {
                if (item is not JString s || TourImages.IsRemote(s.Value)) continue;
                string path = TourImages.Normalize(s.Value);
                if (path.Length > 0 && context.Widget.HasFile(path)) continue;
                context.Report(Rule, s.Span, s.Value, Hint(context, path));
            }
        }
    }

    private static string Hint(RuleContext context, string path)
    {
        if (path.Length == 0) return " (the path is empty)";
        var sameIgnoringCase = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
        if (sameIgnoringCase is not null) return $" (found \"{sameIgnoringCase.Path}\": paths are case-sensitive)";
        string name = System.IO.Path.GetFileName(path);
        var sameName = context.Widget.Files.FirstOrDefault(f => f.Name == name);
        return sameName is not null ? $" (found \"/{sameName.Path}\")" : "";
    }
}
