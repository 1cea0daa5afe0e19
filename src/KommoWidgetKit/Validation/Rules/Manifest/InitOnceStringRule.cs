using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1083: <c>widget.init_once</c> written as a string or number (<c>"Y"</c>, <c>1</c>): Kommo reads it, but the documented type is boolean.</summary>
public sealed class InitOnceStringRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.InitOnceString, "init-once-string", "widget.init_once is not a boolean",
        "widget.init_once is {0}; Kommo reads it as {1}, but the documented type is boolean: write {1}", RuleCategory.Manifest, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        // Other wrong types (object, array, null) are KW1004's.
        if (manifest?.WidgetBlock?["init_once"] is not ({ Kind: JKind.String or JKind.Number } node)) return;
        string value = manifest.InitOnce ? "true" : "false";
        context.ReportWithFix(Rule, node.Span, Fix.Safe($"Write init_once as {value}",
            () => FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).Replace(node, new JsonValue.Raw(value)))), node.Display, value);
    }
}
