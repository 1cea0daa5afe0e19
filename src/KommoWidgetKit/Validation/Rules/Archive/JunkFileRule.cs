using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6004: files that never belong in a widget (__MACOSX/, .DS_Store, .git/, node_modules/, nested zips …).</summary>
public sealed class JunkFileRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.JunkFile, "junk-file", "Junk file in the widget",
        "'{0}' is {1} and does not belong in the widget; pack leaves it out", RuleCategory.Archive, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var folder in context.Widget.SkippedFolders)
            context.Report(Rule, SourceSpan.File(folder), folder, JunkRules.Classify(folder.TrimEnd('/')) ?? "not part of the widget");
        foreach (var file in context.Widget.Files)
        {
            if (JunkRules.Classify(file.Path) is { } why)
                context.Report(Rule, SourceSpan.File(file.Path), file.Path, why);
        }
    }
}
