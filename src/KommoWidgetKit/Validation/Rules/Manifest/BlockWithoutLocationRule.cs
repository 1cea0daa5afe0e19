using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1052: a location-bound block (dp, advanced, salesbot_designer, sms, mobile, left_menu) whose location is not listed.</summary>
public sealed class BlockWithoutLocationRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.BlockWithoutLocation, "block-without-location", "Block present but its location is not listed",
        "\"{0}\" is present but \"{1}\" is not in locations, so Kommo never uses it; add the location or remove the block",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root) return;
        foreach (var (block, area) in ManifestFacts.BlockLocations)
        {
            // amoforms_settings on Kommo is an unknown key (KW1015).
            if (block == "amoforms_settings" && context.Platform != WidgetPlatform.AmoCrm) continue;
            if (root.GetProperty(block) is { } p && !manifest.HasLocation(area))
                context.Report(Rule, ManifestFacts.NameSpan(p), block, area);
        }
    }
}
