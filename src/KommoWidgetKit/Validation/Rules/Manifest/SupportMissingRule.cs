using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1012: <c>widget.support</c> is missing or gives neither a link nor an e-mail.</summary>
public sealed class SupportMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SupportMissing, "support-missing", "widget.support is missing",
        "{0}; add \"support\": {{ \"link\": \"https://…\", \"email\": \"…\" }} (required by amoCRM moderation since 2018)",
        RuleCategory.Manifest, Severity.Warning) { Fixable = FixSafety.Unsafe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <summary>The block the unsafe fix adds, for the author to replace with real addresses.</summary>
    internal static readonly JsonValue Placeholder = new JsonValue.Object(
    [
        new("link", new JsonValue.Text("https://example.com/support")),
        new("email", new JsonValue.Text("support@example.com")),
    ]);

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Manifest is not { WidgetBlock: { } widget } manifest) return;
        switch (widget["support"])
        {
            case null:
                context.ReportWithFix(Rule, widget.Span, Fix.Unsafe("Add a placeholder support block", () =>
                    FileChange.Edit(manifest.File.Path, new JsonEdits(manifest.File.Content, manifest.Json).AddProperty(widget, "support", Placeholder))),
                    "widget.support is missing");
                break;
            case JObject support when !support.Has("link") && !support.Has("email"):
                context.Report(Rule, support.Span, "widget.support has neither a link nor an email");
                break;
        }
    }
}
