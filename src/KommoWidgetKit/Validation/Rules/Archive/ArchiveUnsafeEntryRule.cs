using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6000: archive entries that climb out of the root, are absolute, or are links are refused.</summary>
public sealed class ArchiveUnsafeEntryRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ArchiveUnsafeEntry, "archive-unsafe-entry", "Archive entry is unsafe",
        "entry '{0}' was refused: {1}", RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Widget.LoadIssues.Where(i => i.Kind is LoadIssueKind.UnsafePath or LoadIssueKind.Link))
            context.Report(Rule, SourceSpan.File(issue.Path), issue.Path, issue.Detail);
    }
}
