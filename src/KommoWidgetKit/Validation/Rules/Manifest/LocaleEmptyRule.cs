using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1007: <c>widget.locale</c> is an empty array.</summary>
public sealed class LocaleEmptyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LocaleEmpty, "locale-empty", "widget.locale is empty",
        "widget.locale is empty; list at least one language that has an i18n file, e.g. [\"en\"]", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock?["locale"] is JArray { Items.Count: 0 } locale)
            context.Report(Rule, locale.Span);
    }
}
