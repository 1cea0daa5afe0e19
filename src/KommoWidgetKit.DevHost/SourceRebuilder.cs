using System.Text.Json;
using KommoWidgetKit.Building;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost;

/// <summary>For a source project: builds it again whenever its sources change while the host serves its output. The
/// host's own watcher of the output then sees the files change and re-runs the widget in open pages. A failed build
/// leaves the last output in place and shows its errors in the terminal and, as findings, in the page's overlay.</summary>
internal sealed class SourceRebuilder : IDisposable
{
    private readonly DevHostContext _context;
    private readonly WidgetProject _project;
    private readonly ProjectWatcher _watcher;

    public SourceRebuilder(DevHostContext context, WidgetProject project)
    {
        _context = context;
        _project = project;
        _watcher = new ProjectWatcher(project, OnChanged);
    }

    /// <summary>Builds once and logs what happened; the result's errors as findings.</summary>
    /// <param name="project">The project.</param>
    /// <param name="log">Where the messages go.</param>
    /// <param name="logSetupProblems">False when the caller reports a build that cannot run (no Node.js, no esbuild) itself.</param>
    /// <param name="ct">Stops the build.</param>
    public static (BuildResult Result, IReadOnlyList<HostDiagnostic> Problems) Build(WidgetProject project, Action<string> log, bool logSetupProblems = true, CancellationToken ct = default)
    {
        var result = WidgetBuilder.Build(project, new BuildOptions(), ct);
        if (result.SetupProblem && !logSetupProblems) return (result, []);
        foreach (var m in result.Messages)
        {
            log(m.ToString());
            if (m.Excerpt() is { } excerpt) log(excerpt);
            foreach (var note in m.Notes) log("  note: " + note);
        }
        log(result.Succeeded
            ? $"[dev] built {project.OutputDisplay}/ from {project.Relative(project.Entry!)} in {result.Elapsed.TotalMilliseconds:0} ms" +
              (result.Written.Count + result.Removed.Count == 0 ? " (unchanged)" : $" ({result.Written.Count} written, {result.Removed.Count} removed)")
            : File.Exists(Path.Combine(project.OutputDirectory, "manifest.json"))
                ? $"[dev] build failed; the page keeps running the last build of {project.OutputDisplay}/"
                : $"[dev] build failed; there is nothing to run until a build passes");
        var problems = result.Succeeded
            ? (IReadOnlyList<HostDiagnostic>)[]
            : result.Messages.Where(m => m.Severity == BuildSeverity.Error)
                .Select(m => new HostDiagnostic(m.Code ?? "build", "error", "build failed: " + m.Text, m.File, m.Line, m.Column)).ToList();
        return (result, problems);
    }

    private void OnChanged(IReadOnlyList<string> changed)
    {
        try
        {
            _context.Log($"[dev] source changed: {string.Join(", ", changed)} → building");
            // Cleared before the build writes anything, so the output watcher's reload of what it writes already has
            // none of the last build's errors; that reload, not this class, re-runs the widget.
            bool hadProblems = _context.HasBuildProblems;
            _context.SetBuildProblems([]);
            var (result, problems) = Build(_project, _context.Log);
            _context.SetBuildProblems(problems);
            // The findings alone change when a build fails, or passes after one that failed without changing the output.
            if (!result.Succeeded || (hadProblems && result.Written.Count + result.Removed.Count == 0)) PublishFindings();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _context.Log($"[dev] build failed: {ex.Message}");
        }
    }

    // A "css" event with no files is what the page takes as new findings only: it swaps no stylesheet and re-runs nothing.
    private void PublishFindings()
    {
        var snapshot = _context.Reload();
        var payload = JsonSerializer.Serialize(new LiveEvent("css", [], snapshot.Generation, snapshot.Diagnostics), HostJsonContext.Default.LiveEvent);
        _context.Hub.Publish($"event: widget\ndata: {payload}\n\n");
    }

    public void Dispose() => _watcher.Dispose();
}
