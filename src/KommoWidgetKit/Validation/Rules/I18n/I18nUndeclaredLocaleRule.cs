using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3004: an i18n file whose locale is not in <c>widget.locale</c>; moderation wants as many files as locales (spec §1.10).</summary>
public sealed class I18nUndeclaredLocaleRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nUndeclaredLocale, "i18n-undeclared-locale", "An i18n file for an undeclared locale",
        "'{0}' is not declared in widget.locale ({1}); moderation expects exactly one i18n file per declared locale",
        RuleCategory.I18n, Severity.Warning) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var manifest = context.Manifest;
        if (manifest?.WidgetBlock?.GetArray("locale") is null) return;
        var declared = manifest.Locales;
        var array = manifest.WidgetBlock.GetArray("locale")!;
        foreach (var doc in context.Widget.I18n)
        {
            if (declared.Contains(doc.Locale)) continue;
            string list = declared.Count == 0 ? "empty" : string.Join(", ", declared);
            // Declaring it is the repair only for a language of the platform; "backup.json" or "en_old.json" are leftovers.
            if (Locales.For(context.Platform).Contains(doc.Locale))
                context.ReportWithFix(Rule, SourceSpan.File(doc.File.Path), Fix.Safe($"Add \"{doc.Locale}\" to widget.locale",
                    () => FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).AddItem(array, new JsonValue.Text(doc.Locale)))),
                    doc.File.Path, list);
            else
                context.Report(Rule, SourceSpan.File(doc.File.Path), doc.File.Path, list);
        }
    }
}
