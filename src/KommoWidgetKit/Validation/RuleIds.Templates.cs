namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>A Twig template has unbalanced delimiters or block tags.</summary>
    public const string TwigUnbalanced = "KW5000";
    /// <summary>A CSS file has unbalanced braces or an unclosed comment or string.</summary>
    public const string CssUnbalanced = "KW5001";
    /// <summary>style.css restyles global elements or system classes.</summary>
    public const string CssGlobalSelector = "KW5002";
}
