using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Archive;

/// <summary>KW6009: paths that differ only by letter case collide on Windows and macOS; a required file with the wrong case is not found by Kommo's case-sensitive server.</summary>
public sealed class FileNameCaseClashRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.FileNameCaseClash, "filename-case-clash", "File names differ only by case",
        "{0}", RuleCategory.Archive, Severity.Warning);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var widget = context.Widget;
        // Folders and files: "Images/a.png" and "images/b.png" clash on the folder.
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in widget.Files)
        {
            paths.Add(file.Path);
            for (int slash = file.Path.IndexOf('/'); slash > 0; slash = file.Path.IndexOf('/', slash + 1))
                paths.Add(file.Path[..(slash + 1)]);
        }
        foreach (var group in paths.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            foreach (var other in list.Skip(1))
                context.Report(Rule, SourceSpan.File(other), $"'{other}' and '{list[0]}' differ only by case; they collide when unpacked on Windows or macOS");
        }

        foreach (var expected in ExpectedPaths(widget))
        {
            if (widget.HasFile(expected)) continue;
            var found = widget.Files.FirstOrDefault(f => string.Equals(f.Path, expected, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
                context.Report(Rule, SourceSpan.File(found.Path), $"'{found.Path}' should be named '{expected}': Kommo's server is case-sensitive and will not find it");
        }
    }

    private static IEnumerable<string> ExpectedPaths(Widget widget)
    {
        yield return "manifest.json";
        yield return "script.js";
        yield return "style.css";
        foreach (var logo in LogoSpec.Required) yield return logo.Path;
        yield return LogoSpec.DigitalPipeline.Path;
        foreach (var locale in widget.Manifest?.Locales ?? []) yield return $"i18n/{locale}.json";
    }
}
