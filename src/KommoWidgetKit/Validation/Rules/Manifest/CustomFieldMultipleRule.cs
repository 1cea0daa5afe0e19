using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1033: more than one <c>custom</c> settings field.</summary>
public sealed class CustomFieldMultipleRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CustomFieldMultiple, "custom-field-multiple", "More than one custom settings field",
        "settings field \"{0}\" is a second custom field (the first is \"{1}\"); only one custom field per widget is known to work: draw all custom controls in one",
        RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        string? first = null;
        foreach (var field in context.Manifest?.Settings ?? [])
        {
            if (field.Node?["type"] is not JString { Value: "custom" } type) continue;
            if (first is null) first = field.Code;
            else context.Report(Rule, type.Span, field.Code, first);
        }
    }
}
