using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1048: the <c>mobile_card</c> location without a usable <c>mobile.frame_url</c> URL.</summary>
public sealed class MobileFrameUrlMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MobileFrameUrlMissing, "mobile-frame-url-missing", "mobile_card without mobile.frame_url",
        "location \"mobile_card\" needs \"mobile\": {{ \"frame_url\": \"https://…\" }}: {0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context) =>
        EndpointCheck.Run(context, Rule, area: "mobile_card", block: "mobile", key: "frame_url");
}
