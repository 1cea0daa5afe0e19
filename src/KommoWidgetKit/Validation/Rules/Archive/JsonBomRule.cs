using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6010: manifest.json and the i18n files are read by Kommo's server, whose JSON parser refuses a byte order mark (spec §0.1).</summary>
public sealed class JsonBomRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.JsonBom, "json-bom", "manifest.json or an i18n file starts with a byte order mark",
        "'{0}' starts with a UTF-8 byte order mark; Kommo requires UTF-8 without BOM for the files its server parses",
        RuleCategory.Archive, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (path, info) in context.Widget.TextFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (info.HasBom && IsServerJson(context.Widget, path))
                context.ReportWithFix(Rule, new SourceSpan(path, 1, 1, 1, 1), Fix.Safe("Remove the byte order mark", () => TextFixes.StripBom(path)), path);
    }

    /// <summary>Whether Kommo's server parses the file: the root manifest.json or an <c>i18n/*.json</c> file.</summary>
    internal static bool IsServerJson(Widget widget, string path) =>
        path == "manifest.json" || widget.I18n.Any(d => d.File.Path == path);
}
