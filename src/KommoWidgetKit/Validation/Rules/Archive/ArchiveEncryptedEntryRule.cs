using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6002: encrypted (password-protected) entries cannot be read by Kommo.</summary>
public sealed class ArchiveEncryptedEntryRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ArchiveEncryptedEntry, "archive-encrypted-entry", "Archive entry is encrypted",
        "entry '{0}' is encrypted; re-create the archive without a password", RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Widget.LoadIssues.Where(i => i.Kind == LoadIssueKind.Encrypted))
            context.Report(Rule, SourceSpan.File(issue.Path), issue.Path);
    }
}
