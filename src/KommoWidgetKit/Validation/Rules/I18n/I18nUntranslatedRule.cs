using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3010: a text still carries the marker <c>fix</c> puts on texts it copies from another locale
/// (<see cref="TextFixes.UntranslatedMarker"/>): the widget works, but users would see the other language and the marker.</summary>
public sealed class I18nUntranslatedRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nUntranslated, "i18n-untranslated", "A text is marked untranslated",
        "'{0}' in {1} is marked untranslated (copied from another locale by fix); translate it and remove \"[untranslated] \"",
        RuleCategory.I18n, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.I18n)
            foreach (var (key, node) in doc.Leaves())
                if (node is JString s && s.Value.StartsWith(TextFixes.UntranslatedMarker, StringComparison.Ordinal))
                    context.Report(Rule, s.Span, key, doc.File.Path);
    }
}
