using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4006: an image file whose header cannot be read, or that is cut short; browsers and Kommo cannot show it.</summary>
public sealed class ImageUnreadableRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ImageUnreadable, "image-unreadable", "An image cannot be read",
        "'{0}' cannot be read as an image: {1}", RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, info) in context.Widget.Images.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (info.Problem is not { } problem) continue;
            // The header reader looks for "<svg" in the first KB only; a long XML prologue or comment can push it further.
            if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && context.Widget.GetFile(path)!.Content.Span.IndexOf("<svg"u8) >= 0) continue;
            context.Report(Rule, SourceSpan.File(path), path, problem);
        }
    }
}
