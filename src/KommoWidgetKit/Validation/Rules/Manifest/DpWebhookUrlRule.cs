using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1043: <c>dp.webhook_url</c> is not an absolute https URL.</summary>
public sealed class DpWebhookUrlRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DpWebhookUrl, "dp-webhook-url", "dp.webhook_url is not an absolute https URL",
        "dp.webhook_url \"{0}\" {1}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.Root?.GetObject("dp")?["webhook_url"] is not JString url) return;
        if (ManifestFacts.IsHttpUrl(url.Value, httpsOnly: true)) return;
        context.Report(Rule, url.Span, url.Value, ManifestFacts.IsHttpUrl(url.Value)
            ? "uses http: Digital Pipeline events carry account data, use https"
            : "is not an absolute https URL (e.g. \"https://example.com/dp\")");
    }
}
