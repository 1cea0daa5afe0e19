using System.Text.Json;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost;

/// <summary>Watches the widget folder (or zip), reloads and re-validates it, and tells open pages what changed.</summary>
internal sealed class WidgetWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);
    private readonly DevHostContext _context;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _disposed;

    public WidgetWatcher(DevHostContext context)
    {
        _context = context;
        var isZip = File.Exists(context.WidgetPath);
        _watcher = isZip
            ? new FileSystemWatcher(Path.GetDirectoryName(context.WidgetPath)!, Path.GetFileName(context.WidgetPath))
            : new FileSystemWatcher(context.WidgetPath) { IncludeSubdirectories = true };
        _watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += OnEvent;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher.EnableRaisingEvents = true;
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_watcher.Path, e.FullPath).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith(".kommo", StringComparison.Ordinal) || relative.StartsWith(".git", StringComparison.Ordinal)
            || relative.StartsWith("node_modules", StringComparison.Ordinal))
        {
            return;
        }
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }
        try
        {
            var before = _context.Widget;
            var after = _context.Reload();
            var changed = Changed(before, after);
            if (changed.Count == 0)
            {
                return;
            }
            var cssOnly = changed.All(p => p.EndsWith(".css", StringComparison.OrdinalIgnoreCase));
            var kind = cssOnly ? "css" : "reload";
            _context.Log($"[dev] changed: {string.Join(", ", changed)} → {(cssOnly ? "stylesheet swapped" : "widget re-run")}");
            DevHostServer.PrintDiagnostics(_context, after);
            var payload = JsonSerializer.Serialize(new LiveEvent(kind, changed, after.Generation, after.Diagnostics), HostJsonContext.Default.LiveEvent);
            _context.Hub.Publish($"event: widget\ndata: {payload}\n\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _context.Log($"[dev] reload failed: {ex.Message}");
        }
    }

    internal static List<string> Changed(WidgetSnapshot before, WidgetSnapshot after)
    {
        var changed = new List<string>();
        foreach (var (path, content) in after.Files)
        {
            if (!before.Files.TryGetValue(path, out var old) || !old.Span.SequenceEqual(content.Span))
            {
                changed.Add(path);
            }
        }
        foreach (var path in before.Files.Keys)
        {
            if (!after.Files.ContainsKey(path))
            {
                changed.Add(path);
            }
        }
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _timer.Dispose();
    }
}
