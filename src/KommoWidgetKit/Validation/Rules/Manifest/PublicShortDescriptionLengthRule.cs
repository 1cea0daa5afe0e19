using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1081: the public checklist limits the short description to 50 characters.</summary>
public sealed class PublicShortDescriptionLengthRule : WidgetRule
{
    /// <summary>Longest short description the public checklist allows.</summary>
    public const int MaxLength = 50;

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.PublicShortDescriptionLength, "public-short-description-length", "Short description too long for the marketplace",
        "widget.short_description {0} is {1} characters, more than 50: {2}", RuleCategory.Manifest, Severity.Warning, PlatformScope.Both, ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (PublicTexts.Node(context, "short_description") is not { } node) return;
        foreach (var text in PublicTexts.Resolve(context, node))
            if (PublicTexts.Length(text.Text) is var length && length > MaxLength)
                context.Report(Rule, node.Span, text.Where, length, PublicTexts.Quote(text.Text));
    }
}
