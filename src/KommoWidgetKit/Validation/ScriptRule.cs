using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation;

/// <summary>A rule that looks at the nodes of the widget's own scripts. It does not walk the tree itself: for each own
/// script it registers handlers by node type (<see cref="Register"/>), and the validator walks each file once for all the
/// script rules together.</summary>
public abstract class ScriptRule : WidgetRule
{
    /// <summary>Registers this rule's handlers for one file. Per-file state lives in the handlers' closures.</summary>
    /// <param name="file">The file about to be walked, and where to report.</param>
    /// <param name="visitors">Where to register the handlers.</param>
    public abstract void Register(ScriptFileContext file, ScriptVisitors visitors);

    /// <summary>Whether the rule has anything to look for in <paramref name="document"/>; false skips registration (for
    /// example a size threshold). The default is true.</summary>
    public virtual bool AppliesTo(ScriptDocument document) => true;

    /// <summary>Runs this rule alone: one walk per own script with only its handlers. The validator does not call this; it
    /// walks each file once for every script rule.</summary>
    public sealed override void Check(RuleContext context)
    {
        foreach (var doc in context.Widget.OwnScripts) Walk(doc, [this], context);
    }

    /// <summary>Walks <paramref name="document"/> once for every rule of <paramref name="rules"/> that applies to it (and the
    /// model's shared facts); nothing when the file does not parse.</summary>
    internal static void Walk(ScriptDocument document, IReadOnlyList<ScriptRule> rules, RuleContext context)
    {
        if (document.Program is null) return;
        var visitors = new ScriptVisitors();
        var file = new ScriptFileContext(document, context);
        foreach (var rule in rules)
            if (rule.AppliesTo(document)) rule.Register(file, visitors);
        document.Walk(visitors);
    }
}

/// <summary>What a script rule sees while one file is walked: the file and the widget's rule context.</summary>
public sealed class ScriptFileContext
{
    internal ScriptFileContext(ScriptDocument document, RuleContext rule)
    {
        Document = document;
        Rule = rule;
    }

    /// <summary>The file being walked.</summary>
    public ScriptDocument Document { get; }

    /// <summary>The widget, platform, profile and configuration.</summary>
    public RuleContext Rule { get; }

    /// <summary>Reports a finding at a node of this file.</summary>
    public void Report(Diagnostics.DiagnosticDescriptor descriptor, Acornima.Ast.Node node, params object?[] args) =>
        Rule.Report(descriptor, Document.SpanOf(node), args);

    /// <summary>Reports a finding at a span.</summary>
    public void Report(Diagnostics.DiagnosticDescriptor descriptor, Diagnostics.SourceSpan span, params object?[] args) =>
        Rule.Report(descriptor, span, args);
}
