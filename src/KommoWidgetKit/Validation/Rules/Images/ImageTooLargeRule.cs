using System.Globalization;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4003: each image file may be at most 300 KB (spec §0.1, §1.4).</summary>
public sealed class ImageTooLargeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ImageTooLarge, "image-too-large", "An image is larger than 300 KB",
        "'{0}' is {1} KB; each image may be at most 300 KB", RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var path in context.Widget.Images.Keys.Order(StringComparer.Ordinal))
        {
            var file = context.Widget.GetFile(path)!;
            if (file.Length > LogoSpec.MaxImageBytes)
                context.Report(Rule, SourceSpan.File(path), path, Math.Ceiling(file.Length / 1024.0).ToString(CultureInfo.InvariantCulture));
        }
    }
}
