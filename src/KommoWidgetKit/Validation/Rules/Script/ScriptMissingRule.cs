using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2000: without script.js the widget cannot do anything in its locations (spec §1.2, inferred).</summary>
public sealed class ScriptMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ScriptMissing, "script-missing", "script.js is missing",
        "script.js is missing at the widget root{0}; without it the widget does nothing in its locations",
        RuleCategory.Script, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Widget.Script is not null) return;
        var other = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Name, "script.js", StringComparison.OrdinalIgnoreCase));
        context.Report(Rule, SourceSpan.File("script.js"), other is null ? "" : $" (found '{other.Path}'; Kommo loads only 'script.js' at the root)");
    }
}
