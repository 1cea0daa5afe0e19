using System.Globalization;
using System.Text.RegularExpressions;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>Resolves the widget's user-facing texts the way Kommo shows them, for the public length rules.</summary>
internal static partial class PublicTexts
{
    /// <summary>A resolved text: the locale it was read for (null for literal manifest text) and the text.</summary>
    public readonly record struct Resolved(string? Locale, string Text)
    {
        /// <summary>How the message names where the text comes from.</summary>
        public string Where => Locale is null ? "(literal text)" : $"in \"{Locale}\"";
    }

    /// <summary>The <c>widget.&lt;key&gt;</c> value node, when it is a string.</summary>
    public static JString? Node(RuleContext context, string key) => context.Manifest?.WidgetBlock?[key] as JString;

    /// <summary>The text in each declared locale for an i18n key, or the literal text once; unresolved keys are skipped (i18n rules report them).</summary>
    public static IEnumerable<Resolved> Resolve(RuleContext context, JString node)
    {
        if (!ManifestDocument.LooksLikeKey(node.Value))
        {
            yield return new(null, node.Value);
            yield break;
        }
        foreach (var locale in context.Manifest!.Locales.Distinct(StringComparer.Ordinal))
            if (context.Widget.GetI18n(locale)?.Resolve(node.Value) is JString s)
                yield return new(locale, s.Value);
    }

    /// <summary>Length as users count it: user-perceived characters of the trimmed text.</summary>
    public static int Length(string text) => new StringInfo(text.Trim()).LengthInTextElements;

    /// <summary>The text with HTML tags removed and entities decoded, as it reads on screen.</summary>
    public static string StripHtml(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, ""));

    /// <summary>A short quote of the text for messages, tags shown as spaces so words stay apart.</summary>
    public static string Quote(string text)
    {
        string t = Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(text, " ")), " ").Trim();
        return "\"" + (t.Length > 60 ? t[..57] + "…" : t) + "\"";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tags();
}
