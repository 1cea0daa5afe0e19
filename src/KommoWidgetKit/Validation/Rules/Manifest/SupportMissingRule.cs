using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1012: <c>widget.support</c> is missing or gives neither a link nor an e-mail.</summary>
public sealed class SupportMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SupportMissing, "support-missing", "widget.support is missing",
        "{0}; add \"support\": {{ \"link\": \"https://…\", \"email\": \"…\" }} (required by amoCRM moderation since 2018)",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock is not { } widget) return;
        switch (widget["support"])
        {
            case null:
                context.Report(Rule, widget.Span, "widget.support is missing");
                break;
            case JObject support when !support.Has("link") && !support.Has("email"):
                context.Report(Rule, support.Span, "widget.support has neither a link nor an email");
                break;
        }
    }
}
