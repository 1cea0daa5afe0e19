using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1047: the <c>sms</c> location without a usable <c>sms.endpoint</c> URL.</summary>
public sealed class SmsEndpointMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SmsEndpointMissing, "sms-endpoint-missing", "sms without sms.endpoint",
        "location \"sms\" needs \"sms\": {{ \"endpoint\": \"https://…\" }}: {0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context) =>
        EndpointCheck.Run(context, Rule, area: "sms", block: "sms", key: "endpoint");
}

/// <summary>The shared shape of KW1047 and KW1048: a location that needs <c>block.key</c> to be an absolute URL.</summary>
internal static class EndpointCheck
{
    public static void Run(RuleContext context, DiagnosticDescriptor rule, string area, string block, string key)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == area && l.Info is not null);
        if (entry is null) return;
        switch (root[block])
        {
            case null:
                context.Report(rule, entry.Node.Span, $"the \"{block}\" block is missing");
                break;
            case JObject obj when obj[key] is null:
                context.Report(rule, obj.Span, $"\"{block}\" has no \"{key}\"");
                break;
            case JObject obj when obj[key] is JString url && !ManifestFacts.IsHttpUrl(url.Value):
                context.Report(rule, url.Span, $"{block}.{key} \"{url.Value}\" is not an absolute http(s) URL");
                break;
        }
    }
}
