using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1013: <c>widget.support.link</c> is not an absolute http(s) URL or <c>widget.support.email</c> is not an e-mail address.</summary>
public sealed class SupportInvalidRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SupportInvalid, "support-invalid", "widget.support has an invalid link or e-mail",
        "{0} \"{1}\" {2}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock?["support"] is not JObject support) return;
        if (support["link"] is JString link && !ManifestFacts.IsHttpUrl(link.Value))
            context.Report(Rule, link.Span, "widget.support.link", link.Value,
                ManifestFacts.IsEmail(link.Value) ? "is an e-mail address; put it in widget.support.email and give a web page here"
                : "is not an absolute http(s) URL (e.g. \"https://example.com/support\")");
        if (support["email"] is JString email && !ManifestFacts.IsEmail(email.Value))
            context.Report(Rule, email.Span, "widget.support.email", email.Value,
                email.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "starts with mailto:; write the address alone"
                : "is not an e-mail address");
    }
}
