using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6008: a second manifest.json below the root is never read; it is usually a leftover copy or a source folder packed by mistake.</summary>
/// <remarks>Without a root manifest.json, KW1000 names the nested one instead.</remarks>
public sealed class NestedManifestRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.NestedManifest, "nested-manifest", "A second manifest.json below the root",
        "'{0}' is a second manifest.json; Kommo reads only the one at the root, so this copy is unused (remove it or the folder it came with)",
        RuleCategory.Archive, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (!context.Widget.HasFile("manifest.json")) return;
        foreach (var file in context.Widget.Files)
            if (file.Path.Contains('/') && string.Equals(file.Name, "manifest.json", StringComparison.OrdinalIgnoreCase))
                context.Report(Rule, SourceSpan.File(file.Path), file.Path);
    }
}
