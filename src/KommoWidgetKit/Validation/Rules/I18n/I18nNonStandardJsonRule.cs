using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3002: comments and trailing commas are refused by strict JSON parsers such as Kommo's.</summary>
public sealed class I18nNonStandardJsonRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nNonStandardJson, "i18n-nonstandard-json", "An i18n file uses comments or trailing commas",
        "{0} is not strict JSON: {1}", RuleCategory.I18n, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.I18n)
            foreach (var issue in doc.Json.Issues.Where(i => i.Kind is JsonIssueKind.Comment or JsonIssueKind.TrailingComma))
                context.ReportWithFix(Rule, issue.Span, Manifest.ManifestNonStandardJsonRule.StrictJson(doc.File, doc.Json, issue), doc.File.Path, issue.Detail);
    }
}
