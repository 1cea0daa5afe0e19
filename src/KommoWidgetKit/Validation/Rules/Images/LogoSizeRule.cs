using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4001: each logo has one exact pixel size (spec §0.2); logo_dp.png is checked too when present.</summary>
public sealed class LogoSizeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LogoSize, "logo-size", "A logo has the wrong pixel size",
        "'{0}' is {1}×{2} px but must be {3}×{4} px{5}", RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var logo in LogoSpec.Required.Append(LogoSpec.DigitalPipeline))
        {
            if (!context.Widget.Images.TryGetValue(logo.Path, out var info) || info.Width <= 0 || info.Height <= 0) continue;
            if (info.Width == logo.Width && info.Height == logo.Height) continue;
            string hint = (info.Width, info.Height) switch
            {
                (1, 1) => " (a 1×1 placeholder)",
                (120, 42) or (42, 42) => " (an old amoCRM logo size)",
                _ => "",
            };
            context.Report(Rule, SourceSpan.File(logo.Path), logo.Path, info.Width, info.Height, logo.Width, logo.Height, hint);
        }
    }
}
