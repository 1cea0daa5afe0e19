using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1001: manifest.json must be valid JSON (not empty, no syntax errors, UTF-8, nothing after the root value).</summary>
public sealed class ManifestInvalidJsonRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestInvalidJson, "manifest-invalid-json", "manifest.json is not valid JSON",
        "manifest.json is not valid JSON: {0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var json = context.Manifest?.Json;
        if (json is null) return;
        foreach (var issue in json.Issues.Where(i => i.Kind is JsonIssueKind.Syntax or JsonIssueKind.Empty or JsonIssueKind.TooDeep or JsonIssueKind.InvalidUtf8))
            context.Report(Rule, issue.Span, issue.Detail);
        if (json.Root is { } root && root is not JObject)
            context.Report(Rule, root.Span, $"the root must be an object, not {root.KindName}");
    }
}
