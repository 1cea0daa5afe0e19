using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3000: every locale in <c>widget.locale</c> needs its <c>i18n/&lt;code&gt;.json</c> (spec §6).</summary>
public sealed class I18nFileMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nFileMissing, "i18n-file-missing", "A declared locale has no i18n file",
        "locale '{0}' is declared but 'i18n/{0}.json' is missing{1}", RuleCategory.I18n, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest is null) return;
        foreach (var node in manifest.LocaleNodes)
        {
            if (context.Widget.GetI18n(node.Value) is not null) continue;
            var other = context.Widget.Files.FirstOrDefault(f => string.Equals(f.Path, $"i18n/{node.Value}.json", StringComparison.OrdinalIgnoreCase));
            context.Report(Rule, node.Span, node.Value, other is null ? "" : $" (found '{other.Path}'; file names are case-sensitive)");
        }
    }
}
