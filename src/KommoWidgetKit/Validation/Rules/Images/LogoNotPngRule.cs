using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4002: logos must really be PNG files, whatever their name says (spec §1.3).</summary>
/// <remarks>Files whose format cannot be told at all are KW4006's finding.</remarks>
public sealed class LogoNotPngRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LogoNotPng, "logo-not-png", "A logo is not a PNG",
        "'{0}' is really a {1} file; logos must be PNG (renaming does not convert it)", RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var logo in LogoSpec.Required.Append(LogoSpec.DigitalPipeline))
        {
            if (!context.Widget.Images.TryGetValue(logo.Path, out var info)) continue;
            if (info.Format is ImageFormat.Png or ImageFormat.Unknown) continue;
            context.Report(Rule, SourceSpan.File(logo.Path), logo.Path, info.Format.ToString().ToUpperInvariant());
        }
    }
}
