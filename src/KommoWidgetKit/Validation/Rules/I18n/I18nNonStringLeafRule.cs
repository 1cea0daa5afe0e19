using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3007: i18n files hold texts; numbers, booleans, null and arrays as leaves are not texts (spec §6).</summary>
/// <remarks>Empty objects are not reported (they hold nothing).</remarks>
public sealed class I18nNonStringLeafRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nNonStringLeaf, "i18n-non-string-leaf", "An i18n value is not a text",
        "'{0}' in {1} is {2}; i18n values should be texts (strings) or groups (objects)", RuleCategory.I18n, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.I18n)
        {
            foreach (var (key, node) in doc.Leaves())
            {
                if (node is JString or JObject) continue;
                string what = node.Kind switch
                {
                    JKind.Array => "an array",
                    JKind.Null => "null",
                    JKind.Boolean => "a boolean (" + node.Display + ")",
                    _ => "a number (" + node.Display + ")",
                };
                context.Report(Rule, node.Span, key, doc.File.Path, what);
            }
        }
    }
}
