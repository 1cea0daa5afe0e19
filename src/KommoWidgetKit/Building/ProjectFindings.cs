using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Building;

/// <summary>Names places in a built widget from the project folder, where a person edits them: a position in a bundled
/// script at its source through the script's map (<c>src/index.ts:12:5</c>), a file copied from <c>widget/</c> as that
/// file (<c>widget/manifest.json</c>), anything else in the output folder (<c>dist/script.js</c>).</summary>
public sealed class ProjectFindings
{
    private readonly WidgetProject _project;
    private readonly SourceLocator _locator;
    private readonly string _output;

    /// <summary>Places in the output of <paramref name="project"/>, whose files <paramref name="readOutput"/> reads
    /// (output-relative paths).</summary>
    public ProjectFindings(WidgetProject project, Func<string, ReadOnlyMemory<byte>?> readOutput)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(readOutput);
        _project = project;
        _output = project.OutputDisplay;
        _locator = new SourceLocator(readOutput, project.OutputDirectory, project.Root);
    }

    /// <summary>The project-relative place of a span in the output (an output-relative path; empty for the widget as a whole).</summary>
    public SourceSpan Relocate(SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (span.HasPosition && span.Path.EndsWith(".js", StringComparison.OrdinalIgnoreCase)
            && _locator.Map(span.Path, span.StartLine, span.StartColumn) is { } start && IsLocal(start.Path))
        {
            var end = span.EndLine > 0 ? _locator.Map(span.Path, span.EndLine, span.EndColumn) : null;
            bool sameSource = end is not null && end.Path == start.Path && (end.Line, end.Column).CompareTo((start.Line, start.Column)) >= 0;
            return new SourceSpan(start.Path, start.Line, start.Column, sameSource ? end!.Line : start.Line, sameSource ? end!.Column : start.Column, span.JsonPointer);
        }
        if (span.Path.Length == 0) return span with { Path = _output };
        string copied = Path.Combine(_project.StaticDirectory, span.Path.Replace('/', Path.DirectorySeparatorChar));
        string prefix = File.Exists(copied) ? WidgetProject.StaticFolder : _output;
        return span with { Path = prefix + "/" + span.Path };
    }

    /// <summary>The findings of <paramref name="output"/> (built by <paramref name="project"/>) with project-relative paths.
    /// When the output lies outside the project the result is returned as it is (paths relative to the output folder).</summary>
    public static ValidationResult Relocate(ValidationResult result, WidgetProject project, Widget output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(output);
        if (Path.IsPathRooted(project.OutputDisplay)) return result;
        var places = new ProjectFindings(project, path => output.GetFile(path)?.Content);
        var relocated = result.Diagnostics.Select(d => d with { Span = places.Relocate(d.Span) }).ToList();
        relocated.Sort(Diagnostic.Compare);
        return result with { Diagnostics = relocated };
    }

    private static bool IsLocal(string path) => !path.StartsWith('/') && !path.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(path);
}
