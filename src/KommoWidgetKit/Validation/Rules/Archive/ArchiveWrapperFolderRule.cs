using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6003: all files inside one top-level folder — the most common upload mistake.</summary>
public sealed class ArchiveWrapperFolderRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ArchiveWrapperFolder, "archive-wrapper-folder", "Files are inside a top-level folder",
        "all files are inside the folder '{0}/', but Kommo needs manifest.json at the root of the archive: zip the folder's contents, not the folder (other findings are relative to '{0}/')",
        RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Widget.WrapperFolder is { } folder)
            context.Report(Rule, SourceSpan.File(folder + "/"), folder);
    }
}
