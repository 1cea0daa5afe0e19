using KommoWidgetKit.Fixing;
using KommoWidgetKit.Parsing.Json;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1014: the legacy <c>widget.code</c> / <c>widget.secret_key</c> keys are present.</summary>
public sealed class LegacyCodeSecretRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.LegacyCodeSecret, "legacy-code-secret", "Legacy widget.code or widget.secret_key is present",
        "{0}", RuleCategory.Manifest, Severity.Warning) { Fixable = FixSafety.Unsafe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { WidgetBlock: { } widget } manifest) return;
        Fix Remove(JProperty p) => Fix.Unsafe($"Remove widget.{p.Name}",
            () => FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).RemoveProperty(widget, p)));
        if (widget.GetProperty("code") is { } code)
            context.ReportWithFix(Rule, ManifestFacts.NameSpan(code), Remove(code),
                "widget.code is legacy: Kommo generates the widget code when the archive is uploaded (see the \"Keys and scopes\" tab); remove it");
        if (widget.GetProperty("secret_key") is { } secret)
            context.ReportWithFix(Rule, ManifestFacts.NameSpan(secret), Remove(secret),
                "widget.secret_key is legacy and a secret: remove it, never ship a secret key in the archive, and generate a new key if this one was published");
    }
}
