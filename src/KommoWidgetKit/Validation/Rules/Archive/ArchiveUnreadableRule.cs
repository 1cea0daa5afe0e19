using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6011: the archive, or an entry, is damaged or unreadable, or two entries share a path.</summary>
public sealed class ArchiveUnreadableRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ArchiveUnreadable, "archive-unreadable", "Archive or entry cannot be read",
        "{0}: {1}", RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Widget.LoadIssues.Where(i => i.Kind is LoadIssueKind.Corrupt or LoadIssueKind.Unreadable or LoadIssueKind.DuplicateEntry))
            context.Report(Rule, SourceSpan.File(issue.Path), issue.Path.Length == 0 ? Whole(context.Widget) : issue.Path, issue.Detail);
    }

    /// <summary>How a finding about the whole input names it: the archive, or the widget (a folder that cannot be read).</summary>
    internal static string Whole(Widget widget) => widget.SourceKind == WidgetSourceKind.Zip ? "archive" : "widget";
}
