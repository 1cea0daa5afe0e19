using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1011: <c>widget.version</c> is not numbers separated by dots.</summary>
public sealed partial class VersionFormatRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.VersionFormat, "version-format", "widget.version is not a dotted number",
        "widget.version \"{0}\" {1}", RuleCategory.Manifest, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest?.WidgetBlock?["version"] is not JString node) return;
        string v = node.Value;
        if (Dotted().IsMatch(v)) return;
        string why = v.Trim().Length == 0 ? "is empty; write a version such as \"1.0.0\""
            : Placeholder().IsMatch(v) ? "looks like a build placeholder that was not replaced"
            : "is not numbers separated by dots (e.g. \"1.0.2\"); it is added to asset URLs as ?v= to refresh caches";
        context.Report(Rule, node.Span, v, why);
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"\{\{|\}\}|\$\{|%[A-Za-z_]+%|__[A-Z_]+__|<%|@[A-Za-z_]+@")]
    private static partial Regex Placeholder();
}
