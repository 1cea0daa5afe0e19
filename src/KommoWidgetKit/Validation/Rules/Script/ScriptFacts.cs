using System.Runtime.CompilerServices;
using Acornima.Ast;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>A member of the callbacks object with its key and value nodes.</summary>
internal sealed record CallbackEntry(string Name, Node Key, Node Value, bool IsMethod);

/// <summary>Where the widget's callbacks object is and how far it can be checked.</summary>
/// <param name="Document">The file that assigns the callbacks.</param>
/// <param name="Shape">Literal only when the members are fully known.</param>
/// <param name="Node">The assignment (or class field) that sets the callbacks.</param>
/// <param name="Object">The object literal when <paramref name="Shape"/> is Literal.</param>
/// <param name="Entries">Members of the literal; nested objects give dotted names (<c>leads.selected</c>).</param>
/// <param name="Reason">Why the members cannot be checked, when <paramref name="Shape"/> is Dynamic.</param>
internal sealed record CallbacksView(ScriptDocument Document, CallbacksShape Shape, Node Node, ObjectExpression? Object, IReadOnlyList<CallbackEntry> Entries, string? Reason)
{
    /// <summary>Whether a (dotted) callback is present; a dotted name counts as present when its head is not an object literal, since its members are unknown.</summary>
    public bool Has(string name)
    {
        if (Entries.Any(e => e.Name == name)) return true;
        int dot = name.IndexOf('.');
        if (dot < 0) return false;
        string head = name[..dot];
        var headEntry = Entries.FirstOrDefault(e => e.Name == head);
        return headEntry is not null && headEntry.Value is not ObjectExpression;
    }
}

/// <summary>Facts about the widget's JavaScript shared by the script rules.</summary>
internal static class ScriptFacts
{
    private static readonly string[] VendorFolders = ["vendor", "vendors", "third_party", "third-party", "bower_components", "node_modules"];

    /// <summary>Every callback name Kommo is known to call (spec §4.2).</summary>
    public static readonly IReadOnlySet<string> KnownCallbacks = new HashSet<string>(
        LocationCatalog.CoreCallbacks
            .Concat(LocationCatalog.All.SelectMany(l => l.Callbacks))
            .Concat(["destroy", "onInstall", "onSource", "salesbotDesignerSettings", "settings", "onSave"]),
        StringComparer.Ordinal);

    /// <summary>Whether a .js file is an obviously vendored library: a <c>*.min.js</c> file, or any file in a vendor folder
    /// (<c>vendor/</c>, <c>vendors/</c>, <c>third_party/</c>, <c>bower_components/</c>, <c>node_modules/</c>).</summary>
    /// <remarks><c>lib/</c> is not a vendor folder: the docs put the widget's own modules there (<c>./lib/settings_helper.js</c>).</remarks>
    public static bool IsVendored(string path)
    {
        if (path.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)) return true;
        var segments = path.Split('/');
        return segments[..^1].Any(s => VendorFolders.Contains(s, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The widget's own scripts (script.js first, then the others by path), vendored libraries left out.</summary>
    public static IEnumerable<ScriptDocument> OwnScripts(Widget widget)
    {
        if (widget.Script is { } main) yield return main;
        foreach (var (path, doc) in widget.Scripts.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (path != "script.js" && !IsVendored(path)) yield return doc;
    }

    // Several rules ask for the callbacks of the same widget; the widget is immutable, so the answer is kept with it.
    private static readonly ConditionalWeakTable<Widget, StrongBox<CallbacksView?>> Cache = new();

    /// <summary>Finds the callbacks object: in script.js, else in the first own module that assigns one.</summary>
    public static CallbacksView? FindCallbacks(Widget widget) =>
        Cache.GetValue(widget, w => new StrongBox<CallbacksView?>(OwnScripts(w).Select(Read).FirstOrDefault(v => v is not null))).Value;

    /// <summary>Reads how one file sets its callbacks, or null when it does not.</summary>
    public static CallbacksView? Read(ScriptDocument doc)
    {
        if (doc.Program is null) return null;
        if (doc.CallbacksShape == CallbacksShape.NotFound || doc.CallbacksNode is null)
        {
            // Classes compiled without down-levelling keep "callbacks = {...}" as a field.
            var field = doc.AllNodes().OfType<PropertyDefinition>().FirstOrDefault(p => !p.Computed && p.Key is Identifier { Name: "callbacks" });
            return field is null ? null : new CallbacksView(doc, CallbacksShape.Dynamic, field, null, [], "callbacks is a class field");
        }
        var assign = (AssignmentExpression)doc.CallbacksNode;
        if (assign.Right is not ObjectExpression obj)
            return new CallbacksView(doc, CallbacksShape.Dynamic, assign, null, [], "callbacks is assigned a value that is not an object literal");
        // An object literal that is filled in later (callbacks[name] = fn, a second assignment, Object.assign) is dynamic too:
        // the official React scaffold starts from "callbacks = {}" and adds members at run time.
        if (IsAugmented(doc, assign))
            return new CallbacksView(doc, CallbacksShape.Dynamic, assign, obj, [], "members are added to callbacks at run time");
        return new CallbacksView(doc, CallbacksShape.Literal, assign, obj, doc.ReadCallbackMembers(obj).Select(m => new CallbackEntry(m.Name, m.Key, m.Value, m.IsMethod)).ToList(), null);
    }

    private static bool IsAugmented(ScriptDocument doc, AssignmentExpression first)
    {
        foreach (var node in doc.AllNodes())
        {
            switch (node)
            {
                case AssignmentExpression a when !ReferenceEquals(a, first):
                    if (a.Left is MemberExpression { Property: Identifier { Name: "callbacks" }, Computed: false }) return true;
                    if (a.Left is MemberExpression { Object: MemberExpression { Property: Identifier { Name: "callbacks" }, Computed: false } }) return true;
                    break;
                case CallExpression call when call.Arguments.Count > 1
                                              && call.Arguments[0] is MemberExpression { Property: Identifier { Name: "callbacks" }, Computed: false }
                                              && call.Callee is MemberExpression { Property: Identifier { Name: "assign" or "extend" } }:
                    return true;
            }
        }
        return false;
    }

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
