using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1002: comments and trailing commas are refused by strict JSON parsers such as Kommo's.</summary>
public sealed class ManifestNonStandardJsonRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestNonStandardJson, "manifest-nonstandard-json", "manifest.json uses comments or trailing commas",
        "manifest.json is not strict JSON: {0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Manifest?.Json.Issues.Where(i => i.Kind is JsonIssueKind.Comment or JsonIssueKind.TrailingComma) ?? [])
            context.Report(Rule, issue.Span, issue.Detail);
    }
}
