using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1045: the <c>salesbot_designer</c> location without the block, or handlers without <c>name</c> and <c>settings</c>.</summary>
public sealed class SalesbotBlockInvalidRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SalesbotBlockInvalid, "salesbot-block-invalid", "salesbot_designer block missing or without a valid handler",
        "{0}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.Root is not { } root) return;
        var entry = manifest.Locations.FirstOrDefault(l => l.Area == "salesbot_designer" && l.Info is not null);
        var blockNode = root["salesbot_designer"];
        if (blockNode is null)
        {
            if (entry is not null)
                context.Report(Rule, entry.Node.Span,
                    "location \"salesbot_designer\" needs a top-level \"salesbot_designer\" block with at least one handler: { \"handler_code\": { \"name\": \"salesbot.handler_name\", \"settings\": { … } } }");
            return;
        }
        if (blockNode is not JObject block) return; // KW1004
        int handlers = 0;
        foreach (var p in block.DistinctProperties)
        {
            if (p.Name == "logo" || p.Value is not JObject handler) continue; // non-objects are KW1004's
            handlers++;
            var missing = new[] { "name", "settings" }.Where(k => !handler.Has(k)).ToList();
            if (missing.Count > 0)
                context.Report(Rule, ManifestFacts.NameSpan(p),
                    $"salesbot_designer handler \"{p.Name}\" has no {string.Join(" and no ", missing.Select(m => "\"" + m + "\""))}");
        }
        if (handlers == 0)
            context.Report(Rule, block.Span,
                "\"salesbot_designer\" has no handler: add e.g. \"handler_code\": { \"name\": \"salesbot.handler_name\", \"settings\": { … } }");
    }
}
