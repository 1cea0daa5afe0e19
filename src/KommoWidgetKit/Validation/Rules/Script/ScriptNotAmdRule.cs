using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2002: Kommo loads script.js with RequireJS, so it must call <c>define(...)</c> and return the widget constructor.</summary>
public sealed class ScriptNotAmdRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ScriptNotAmd, "script-not-amd", "script.js is not an AMD module",
        "{0}", RuleCategory.Script, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var doc = context.Widget.Script;
        if (doc is null) return;
        if (doc.IsEsModule && doc.SyntaxErrorSpan is not null)
        {
            context.Report(Rule, doc.SyntaxErrorSpan,
                "script.js uses ES module syntax (import/export), but Kommo loads script.js with RequireJS: build it into an AMD module with a bundler, or write define([...], function (...) { ... })");
            return;
        }
        if (doc.Program is null || doc.DefineCall is not null) return;
        context.Report(Rule, SourceSpan.File(doc.File.Path),
            "script.js has no define(...) call; Kommo loads it with RequireJS and expects define([...], function (...) { return WidgetConstructor; })");
    }
}
