using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1006: <c>widget.interface_version</c> must be 2.</summary>
public sealed class InterfaceVersionRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.InterfaceVersion, "interface-version", "widget.interface_version is not 2",
        "widget.interface_version is {0}; Kommo accepts only 2", RuleCategory.Manifest, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        // Other types are KW1004's.
        if (context.Manifest is { WidgetBlock: { } block } manifest && block["interface_version"] is JNumber n && n.Value != 2)
            context.ReportWithFix(Rule, n.Span, Fix.Safe("Set interface_version to 2",
                () => FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).Replace(n, new JsonValue.Raw("2")))), n.Raw);
    }
}
