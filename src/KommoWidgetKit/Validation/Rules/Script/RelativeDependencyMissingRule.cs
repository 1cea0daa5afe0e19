using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2015: a define dependency relative to the widget (<c>./lib/x.js</c>, <c>text!./templates/a.twig</c>) must name a file the widget ships.</summary>
/// <remarks>
/// Ids are resolved as RequireJS does for a module loaded by URL: relative to the folder of the file that lists them.
/// An id without an extension is satisfied by the file with or without <c>.js</c>, because the module is fetched by URL
/// and whether RequireJS adds <c>.js</c> depends on how Kommo names script.js. Host modules (<c>jquery</c>,
/// <c>lib/components/base/modal</c>), absolute URLs and plugin ids other than <c>text!</c> are not checked;
/// for <c>text!</c> the resource after the <c>!</c> must exist exactly (a <c>?v=</c> query is ignored).
/// </remarks>
public sealed class RelativeDependencyMissingRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.RelativeDependencyMissing, "relative-dependency-missing", "A relative dependency does not exist",
        "dependency '{0}' resolves to '{1}', which is not in the widget; RequireJS will fail to load the module",
        RuleCategory.Script, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var widget = context.Widget;
        foreach (var doc in widget.OwnScripts)
        {
            string folder = doc.File.Path.Contains('/') ? doc.File.Path[..doc.File.Path.LastIndexOf('/')] : "";
            foreach (var (id, span) in doc.Dependencies)
            {
                string target = id;
                bool exact = false;
                int bang = id.IndexOf('!');
                if (bang >= 0)
                {
                    if (id[..bang] != "text") continue;
                    target = id[(bang + 1)..];
                    exact = true;
                }
                int query = target.IndexOfAny(['?', '#']);
                if (query >= 0) target = target[..query];
                if (!target.StartsWith("./", StringComparison.Ordinal) && !target.StartsWith("../", StringComparison.Ordinal)) continue;
                string? resolved = Resolve(folder, target);
                if (resolved is null)
                {
                    context.Report(Rule, span, id, target + " (outside the widget)");
                    continue;
                }
                bool found = widget.HasFile(resolved)
                             || (!exact && !resolved.EndsWith(".js", StringComparison.Ordinal) && widget.HasFile(resolved + ".js"));
                if (!found)
                    context.Report(Rule, span, id, exact || resolved.EndsWith(".js", StringComparison.Ordinal) ? resolved : resolved + ".js");
            }
        }
    }

    /// <summary>Joins a relative id to a folder, folding <c>.</c> and <c>..</c>; null when it climbs above the root.</summary>
    internal static string? Resolve(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
