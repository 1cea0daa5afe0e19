using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3001: i18n files must be valid JSON objects (not empty, no syntax errors, nothing after the root value).</summary>
public sealed class I18nInvalidJsonRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nInvalidJson, "i18n-invalid-json", "An i18n file is not valid JSON",
        "{0} is not valid JSON: {1}", RuleCategory.I18n, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.I18n)
        {
            foreach (var issue in doc.Json.Issues.Where(i => i.Kind is JsonIssueKind.Syntax or JsonIssueKind.Empty or JsonIssueKind.TooDeep or JsonIssueKind.InvalidUtf8))
                context.Report(Rule, issue.Span, doc.File.Path, issue.Detail);
            if (doc.Json.Root is { } root && root is not JObject)
                context.Report(Rule, root.Span, doc.File.Path, $"the root must be an object, not {root.KindName}");
        }
    }
}
