using Acornima.Ast;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>Small helpers the script rules share; the facts about a file (AMD shape, callbacks, vendored) live in the model.</summary>
internal static class ScriptFacts
{
    /// <summary>Every callback name Kommo is known to call (spec §4.2).</summary>
    public static readonly IReadOnlySet<string> KnownCallbacks = new HashSet<string>(
        LocationCatalog.CoreCallbacks
            .Concat(LocationCatalog.All.SelectMany(l => l.Callbacks))
            .Concat(["destroy", "onInstall", "onSource", "salesbotDesignerSettings", "settings", "onSave"]),
        StringComparer.Ordinal);

    /// <summary>The dotted name of a callee such as <c>window.setTimeout</c> or <c>$.ajax</c>, or null for computed callees.</summary>
    public static string? CalleeName(Node callee) => callee switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Property: Identifier p } m => CalleeName(m.Object) is { } o ? o + "." + p.Name : "?." + p.Name,
        ThisExpression => "this",
        _ => null,
    };

    /// <summary>The last part of a callee name (<c>ajax</c> for <c>$.ajax</c>).</summary>
    public static string? CalleeLast(Node callee) => callee switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Property: Identifier p } => p.Name,
        MemberExpression { Computed: true, Property: StringLiteral s } => s.Value,
        _ => null,
    };
}
