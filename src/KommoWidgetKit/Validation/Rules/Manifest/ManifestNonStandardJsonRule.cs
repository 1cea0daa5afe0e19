using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1002: comments and trailing commas are refused by strict JSON parsers such as Kommo's.</summary>
public sealed class ManifestNonStandardJsonRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestNonStandardJson, "manifest-nonstandard-json", "manifest.json uses comments or trailing commas",
        "manifest.json is not strict JSON: {0}", RuleCategory.Manifest, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { } manifest) return;
        foreach (var issue in manifest.Json.Issues.Where(i => i.Kind is JsonIssueKind.Comment or JsonIssueKind.TrailingComma))
            context.ReportWithFix(Rule, issue.Span, StrictJson(manifest.File, manifest.Json, issue), issue.Detail);
    }

    /// <summary>The fix of a comment or trailing comma: remove it.</summary>
    internal static Fix StrictJson(Model.WidgetFile file, JsonParseResult json, JsonIssue issue) =>
        Fix.Safe(issue.Kind == JsonIssueKind.Comment ? "Remove the comment" : "Remove the trailing comma", () =>
        {
            var range = json.Lines.GetRange(issue.Span) ?? throw new InvalidOperationException("the issue is not in the file");
            var edit = issue.Kind == JsonIssueKind.Comment
                ? new JsonEdits(file.Content, json).RemoveComment(range)
                : new TextEdit(range.Start, range.End - range.Start, "");
            return FileChange.Edit(file.Path, edit);
        });
}
