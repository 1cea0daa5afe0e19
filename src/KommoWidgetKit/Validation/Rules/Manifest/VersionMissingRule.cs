using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1010: <c>widget.version</c> is missing.</summary>
public sealed class VersionMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.VersionMissing, "version-missing", "widget.version is missing",
        "widget.version is missing; add e.g. \"version\": \"1.0.0\" and bump it on every upload so cached files are refreshed",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock is { } widget && !widget.Has("version"))
            context.Report(Rule, widget.Span);
    }
}
