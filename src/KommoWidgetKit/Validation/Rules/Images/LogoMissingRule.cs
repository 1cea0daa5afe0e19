using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Images;

/// <summary>KW4000: the five logos are required; without them Kommo shows a system error (spec §1.3).</summary>
public sealed class LogoMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LogoMissing, "logo-missing", "A required logo is missing",
        "'{0}' ({1}×{2} PNG, {3}) is missing{4}", RuleCategory.Images, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var logo in LogoSpec.Required)
        {
            if (context.Widget.HasFile(logo.Path)) continue;
            var other = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Path, logo.Path, StringComparison.OrdinalIgnoreCase));
            context.Report(Rule, SourceSpan.File(logo.Path), logo.Path, logo.Width, logo.Height, logo.Purpose,
                other is null ? "" : $" (found '{other.Path}'; Kommo's server is case-sensitive)");
        }
    }
}
