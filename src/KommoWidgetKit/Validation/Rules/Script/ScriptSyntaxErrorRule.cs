using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2001: script.js and the widget's own .js files must parse as JavaScript (vendored libraries are left out).</summary>
public sealed class ScriptSyntaxErrorRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ScriptSyntaxError, "script-syntax-error", "JavaScript syntax error",
        "{0} does not parse: {1}", RuleCategory.Script, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.OwnScripts)
        {
            if (doc.SyntaxError is null || doc.SyntaxErrorSpan is null) continue;
            if (doc.IsEsModule)
            {
                // script.js as an ES module is KW2002's finding; other modules cannot be loaded by RequireJS either.
                if (doc.File.Path == "script.js") continue;
                context.Report(Rule, doc.SyntaxErrorSpan, doc.File.Path,
                    doc.SyntaxError + " (the file is an ES module; RequireJS loads plain scripts, so bundle it or write it as an AMD module)");
                continue;
            }
            context.Report(Rule, doc.SyntaxErrorSpan, doc.File.Path, doc.SyntaxError);
        }
    }
}
