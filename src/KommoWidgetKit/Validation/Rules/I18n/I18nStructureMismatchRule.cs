using KommoWidgetKit.Fixing;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.I18n;

/// <summary>KW3006: all i18n files of the declared locales must have the same key structure (spec §6).</summary>
/// <remarks>Each key that another file has and this one lacks is reported once, at the deepest object (or value) of this
/// file on the key's path; only the topmost missing key is named (a missing group is one finding, not one per member).</remarks>
public sealed class I18nStructureMismatchRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.I18nStructureMismatch, "i18n-structure-mismatch", "i18n files differ in structure",
        "{0} has no '{1}', which {2} has; all i18n files must have the same keys", RuleCategory.I18n, Severity.Error) { Fixable = FixSafety.Safe };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var docs = I18nFacts.DeclaredDocuments(context.Widget);
        if (docs.Count < 2) return;
        foreach (var target in docs)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in docs)
            {
                if (ReferenceEquals(source, target)) continue;
                Compare(context, source, source.Root!, target, target.Root!, "", reported);
            }
        }
    }

    private static void Compare(RuleContext context, I18nDocument source, JObject from, I18nDocument target, JObject to, string prefix, HashSet<string> reported)
    {
        foreach (var p in from.DistinctProperties)
        {
            string key = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
            var other = to[p.Name];
            if (other is null)
            {
                if (reported.Add(key))
                {
                    var (into, property) = (to, p);
                    context.ReportWithFix(Rule, to.Span, Fix.Safe($"Add '{key}' to {target.File.Path} from {source.File.Path}",
                        () => FileChange.Edit(target.File.Path, new JsonEdits(target.File.Content, target.Json)
                            .AddProperty(into, property.Name, JsonValue.From(property.Value, TextFixes.MarkUntranslated)))),
                        target.File.Path, key, source.File.Path);
                }
                continue;
            }
            if (p.Value is not JObject childFrom || childFrom.Properties.Count == 0) continue;
            if (other is JObject childTo)
            {
                Compare(context, source, childFrom, target, childTo, key, reported);
                continue;
            }
            // A group in one file is a plain value in the other: its members are missing here.
            if (reported.Add(key + ".*"))
                context.Report(Rule, other.Span, target.File.Path, key + "." + childFrom.DistinctProperties.First().Name, source.File.Path);
        }
    }
}
