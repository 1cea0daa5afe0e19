using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6001: a file, the whole widget, the entry count or the folder depth is over the loader's caps.</summary>
public sealed class ArchiveTooLargeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ArchiveTooLarge, "archive-too-large", "Widget is over a size or count limit",
        "{0}: {1}", RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Widget.LoadIssues.Where(i => i.Kind is LoadIssueKind.FileTooLarge or LoadIssueKind.TotalTooLarge or LoadIssueKind.TooManyEntries or LoadIssueKind.TooDeep))
            context.Report(Rule, SourceSpan.File(issue.Path), issue.Path.Length == 0 ? ArchiveUnreadableRule.Whole(context.Widget) : issue.Path, issue.Detail);
    }
}
