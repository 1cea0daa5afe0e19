using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6020: problems in the widget's kommo-widget.json configuration file.</summary>
public sealed class ConfigInvalidRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ConfigInvalid, "config-invalid", "Configuration file has problems",
        "kommo-widget.json: {0}", RuleCategory.Archive, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (span, problem) in context.Config.Problems)
            context.Report(Rule, span, problem);
    }
}
