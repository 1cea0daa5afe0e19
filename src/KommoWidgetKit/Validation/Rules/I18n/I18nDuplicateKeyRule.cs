using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3003: a key repeated in one object; only the last value counts, which hides mistakes.</summary>
public sealed class I18nDuplicateKeyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nDuplicateKey, "i18n-duplicate-key", "An i18n file repeats a key",
        "{0}: {1}", RuleCategory.I18n, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.I18n)
            foreach (var issue in doc.Json.Issues.Where(i => i.Kind is JsonIssueKind.DuplicateKey))
                context.Report(Rule, issue.Span, doc.File.Path, issue.Detail);
    }
}
