using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1000: every widget needs manifest.json at the root of the archive.</summary>
public sealed class ManifestMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestMissing, "manifest-missing", "manifest.json is missing",
        "manifest.json is missing at the widget root{0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not null) return;
        var nested = context.Widget.Files.FirstOrDefault(f => f.Name == "manifest.json");
        context.Report(Rule, SourceSpan.File("manifest.json"),
            nested is null ? "" : $" (found '{nested.Path}'; Kommo reads only the one at the root)");
    }
}
