using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1003: a key repeated in one object; only the last value counts, which hides mistakes.</summary>
public sealed class ManifestDuplicateKeyRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestDuplicateKey, "manifest-duplicate-key", "manifest.json repeats a key",
        "manifest.json: {0}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Manifest?.Json.Issues.Where(i => i.Kind is JsonIssueKind.DuplicateKey) ?? [])
            context.Report(Rule, issue.Span, issue.Detail);
    }
}
