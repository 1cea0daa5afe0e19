using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1082: the public checklist limits the installation-screen description to 400 characters (HTML tags not counted).</summary>
public sealed class PublicDescriptionLengthRule : WidgetRule
{
    /// <summary>Longest description the public checklist allows.</summary>
    public const int MaxLength = 400;

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.PublicDescriptionLength, "public-description-length", "Description too long for the marketplace",
        "widget.description {0} is {1} characters without HTML tags, more than 400: {2}", RuleCategory.Manifest, Severity.Warning, PlatformScope.Both, ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (PublicTexts.Node(context, "description") is not { } node) return;
        foreach (var text in PublicTexts.Resolve(context, node))
        {
            string plain = PublicTexts.StripHtml(text.Text);
            if (PublicTexts.Length(plain) is var length && length > MaxLength)
                context.Report(Rule, node.Span, text.Where, length, PublicTexts.Quote(text.Text));
        }
    }
}
