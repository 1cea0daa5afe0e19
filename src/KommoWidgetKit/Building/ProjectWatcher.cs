namespace KommoWidgetKit.Building;

/// <summary>Watches what a <see cref="WidgetProject"/>'s build reads (<c>src/</c>, <c>widget/</c>, <c>types/</c>,
/// package.json and tsconfig.json at the root) and reports the changed files, project-relative, once they have been
/// quiet for <see cref="Quiet"/>. Not the output, not <c>node_modules/</c>: their folders are not watched at all.</summary>
/// <remarks>Each folder gets its own <see cref="FileSystemWatcher"/>, so a large <c>node_modules/</c> costs no inotify
/// watches. Changes reported while the callback runs are gathered and reported after it, never concurrently.</remarks>
public sealed class ProjectWatcher : IDisposable
{
    /// <summary>How long changes must be quiet before they are reported (editors write a file in several steps).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(60);

    private static readonly string[] RootFiles = ["package.json", "tsconfig.json", "package-lock.json"];

    private readonly WidgetProject _project;
    private readonly Action<IReadOnlyList<string>> _changed;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _running, _disposed;

    /// <summary>Starts watching; <paramref name="changed"/> gets the project-relative paths that changed.</summary>
    public ProjectWatcher(WidgetProject project, Action<IReadOnlyList<string>> changed)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(changed);
        _project = project;
        _changed = changed;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in new[] { WidgetProject.SourceFolder, WidgetProject.StaticFolder, "types" })
        {
            string dir = Path.Combine(project.Root, folder);
            if (Directory.Exists(dir)) Add(new FileSystemWatcher(dir) { IncludeSubdirectories = true });
        }
        Add(new FileSystemWatcher(project.Root) { IncludeSubdirectories = false });
    }

    private void Add(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += OnEvent;
        watcher.Created += OnEvent;
        watcher.Deleted += OnEvent;
        watcher.Renamed += OnEvent;
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        string rel = _project.Relative(e.FullPath);
        if (!rel.Contains('/'))
        {
            // At the root only the files the build reads count (and the folders, when one is created or removed).
            if (!RootFiles.Contains(rel) && rel is not (WidgetProject.SourceFolder or WidgetProject.StaticFolder or "types")) return;
        }
        if (Loading.JunkRules.Classify(rel) is not null) return;
        lock (_gate)
        {
            if (_disposed) return;
            _pending.Add(rel);
            if (!_running) _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        List<string> batch;
        lock (_gate)
        {
            if (_disposed || _running || _pending.Count == 0) return;
            batch = [.. _pending];
            _pending.Clear();
            _running = true;
        }
        try
        {
            _changed(batch);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                if (_pending.Count > 0 && !_disposed) _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
            w.Dispose();
        }
        _timer.Dispose();
    }
}
