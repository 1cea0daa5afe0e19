using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Templates;

/// <summary>KW5002: public widgets must not restyle the Kommo page; style.css selectors must be scoped under the widget's own class (spec §5.7).</summary>
/// <remarks>
/// Conservative: a top-level selector (also inside @media, @supports …) is reported only when it has no id and no class
/// other than known Kommo system classes, e.g. <c>body</c>, <c>*</c>, <c>div p</c>, <c>input[type=text]</c>,
/// <c>.button-input</c>, <c>.modal-body a</c>. Classes inside <c>:not(...)</c> do not scope. A <c>:root</c> rule that
/// only declares custom properties (<c>--x: …</c>) restyles nothing and is not reported.
/// </remarks>
public sealed partial class CssGlobalSelectorRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CssGlobalSelector, "css-global-selector", "style.css restyles the Kommo page",
        "selector '{0}' {1}; public widgets must scope their styles under their own class (e.g. '.my-widget {2}')",
        RuleCategory.Templates, Severity.Warning, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <summary>Classes of the Kommo interface that a widget must not restyle globally (spec §5.3, §5.6).</summary>
    public static readonly IReadOnlySet<string> SystemClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "button-input", "button-input-inner", "button-input_blue", "button-input-disabled", "text-input", "control--select",
        "control-checkbox", "control--suggest", "modal", "modal-window", "modal-body", "modal-body__close", "icon", "icon-modal-close",
        "widget_settings_block", "widget_settings_block__controls", "widget_settings_block__descr", "widget-settings__desc-space",
        "js-widget-save", "js-widget-install", "card-widgets", "card-widgets__widget", "card-widgets__widget__body",
    };

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (!context.Widget.Stylesheets.TryGetValue("style.css", out var scan)) return;
        foreach (var rule in scan.Rules)
        {
            foreach (var (selector, offset) in SplitSelectors(rule.Prelude))
            {
                if (Scoping(selector) is not { } why) continue;
                if (selector == ":root" && OnlyCustomProperties(rule.Body)) continue;
                var (line, col) = scan.Position(rule.PreludeStart + offset);
                context.Report(Rule, new SourceSpan("style.css", line, col, line, col + selector.Length), selector, why, selector);
            }
        }
    }

    /// <summary>Why a selector is global, or null when it is scoped by an id or an own class.</summary>
    internal static string? Scoping(string selector)
    {
        string bare = NotPseudo().Replace(Brackets().Replace(selector, "[]"), "");
        if (bare.Contains('#')) return null;
        var classes = ClassName().Matches(bare).Select(m => m.Groups[1].Value).ToList();
        if (classes.Count == 0) return "matches page elements by tag or attribute only";
        if (classes.All(SystemClasses.Contains)) return "restyles Kommo's own classes";
        return null;
    }

    private static bool OnlyCustomProperties(string body) =>
        body.Split(';').Select(d => d.Trim()).Where(d => d.Length > 0).All(d => d.StartsWith("--", StringComparison.Ordinal));

    // Commas inside parentheses or brackets (":is(a, b)", "[title='a,b']") do not split selectors.
    private static IEnumerable<(string Selector, int Offset)> SplitSelectors(string prelude)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= prelude.Length; i++)
        {
            if (i < prelude.Length)
            {
                char c = prelude[i];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
                if (c != ',' || depth > 0) continue;
            }
            string part = prelude[start..i];
            int lead = part.Length - part.TrimStart().Length;
            string selector = part.Trim();
            if (selector.Length > 0) yield return (selector, start + lead);
            start = i + 1;
        }
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@":not\([^)]*\)")]
    private static partial Regex NotPseudo();

    [GeneratedRegex(@"\.(-?[_a-zA-Z][\w-]*)")]
    private static partial Regex ClassName();
}
