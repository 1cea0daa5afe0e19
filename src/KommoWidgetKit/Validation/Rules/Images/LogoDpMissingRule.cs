using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4004: the digital_pipeline location needs images/logo_dp.png (spec §1.3, §2.4); KW4001/KW4002 check it when present.</summary>
public sealed class LogoDpMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LogoDpMissing, "logo-dp-missing", "digital_pipeline without logo_dp.png",
        "the 'digital_pipeline' location needs '{0}' ({1}×{2} PNG, shown in the Digital Pipeline block), which is missing",
        RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var location = context.Manifest?.Locations.FirstOrDefault(l => l.Area == "digital_pipeline");
        if (location is null || context.Widget.HasFile(LogoSpec.DigitalPipeline.Path)) return;
        var spec = LogoSpec.DigitalPipeline;
        context.Report(Rule, location.Node.Span, spec.Path, spec.Width, spec.Height);
    }
}
