using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1080: the public checklist limits the widget name to 30 characters and words to 19.</summary>
public sealed class PublicNameLengthRule : WidgetRule
{
    /// <summary>Longest name the public checklist allows.</summary>
    public const int MaxLength = 30;

    /// <summary>Longest word the public checklist allows.</summary>
    public const int MaxWordLength = 19;

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.PublicNameLength, "public-name-length", "Widget name too long for the marketplace",
        "widget.name {0} {1}", RuleCategory.Manifest, Severity.Warning, PlatformScope.Both, ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (PublicTexts.Node(context, "name") is not { } node) return;
        foreach (var text in PublicTexts.Resolve(context, node))
        {
            int length = PublicTexts.Length(text.Text);
            if (length > MaxLength)
                context.Report(Rule, node.Span, text.Where, $"is {length} characters, more than {MaxLength}: {PublicTexts.Quote(text.Text)}");
            var longWord = text.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => PublicTexts.Length(w) > MaxWordLength);
            if (longWord is not null)
                context.Report(Rule, node.Span, text.Where,
                    $"has the {PublicTexts.Length(longWord)}-character word \"{longWord}\"; words may have at most {MaxWordLength} characters (symbols without spaces count as one word)");
        }
    }
}
