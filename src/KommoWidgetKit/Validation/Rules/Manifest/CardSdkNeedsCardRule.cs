using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1051: the <c>card_sdk</c> location without a card location (lcard, ccard or comcard).</summary>
public sealed class CardSdkNeedsCardRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CardSdkNeedsCard, "card-sdk-needs-card", "card_sdk without a card location",
        "location \"card_sdk\" also needs the card it works in: add \"lcard-0\", \"ccard-0\" or \"comcard-0\" (or -1)", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is null) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == "card_sdk" && l.Info is not null);
        if (entry is null || manifest.HasLocation("lcard") || manifest.HasLocation("ccard") || manifest.HasLocation("comcard")) return;
        context.Report(Rule, entry.Node.Span);
    }
}
