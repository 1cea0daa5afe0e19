using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3008: the <c>ai_agent</c> location needs a non-empty <c>widget.ai_agent_description</c> in every i18n file (spec §1.10, §3.2).</summary>
public sealed class AiAgentDescriptionMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.AiAgentDescriptionMissing, "ai-agent-description-missing", "ai_agent without widget.ai_agent_description",
        "the manifest lists the 'ai_agent' location, but widget.ai_agent_description in {0} is {1}; it must be a non-empty text in every i18n file",
        RuleCategory.I18n, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.HasLocation("ai_agent") != true) return;
        foreach (var doc in I18nFacts.DeclaredDocuments(context.Widget))
        {
            var widgetGroup = doc.Root!.GetObject("widget");
            switch (widgetGroup?["ai_agent_description"])
            {
                case null:
                    context.Report(Rule, (widgetGroup ?? doc.Root).Span, doc.File.Path, "missing");
                    break;
                case JString s when string.IsNullOrWhiteSpace(s.Value):
                    context.Report(Rule, s.Span, doc.File.Path, "empty");
                    break;
                case JString:
                    break;
                case var other:
                    context.Report(Rule, other.Span, doc.File.Path, "not a text");
                    break;
            }
        }
    }
}
