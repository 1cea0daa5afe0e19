using System.Text.Json;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost;

/// <summary>Watches the widget folder (or zip), reloads and re-validates it, and tells open pages what changed.</summary>
/// <remarks>When the OS refuses a file watcher (inotify instances or watches used up by other programs, some network or
/// container file systems), it checks the files every <see cref="PollInterval"/> instead: a snapshot of paths, sizes and
/// modification times. <see cref="ModeVariable"/>=poll chooses that from the start.</remarks>
internal sealed class WidgetWatcher : IDisposable
{
    /// <summary>Environment variable: <c>poll</c> checks the files on a timer instead of asking the OS for change events.</summary>
    public const string ModeVariable = "KOMMO_WIDGET_DEV_WATCHER";

    /// <summary>How often the polling fallback looks at the files.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);
    private readonly DevHostContext _context;
    private readonly bool _isZip;
    private readonly string _root;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private FileSystemWatcher? _watcher;
    private Timer? _poll;
    private long _pollSignature;
    private int _polling;
    private bool _disposed;

    /// <summary>Starts watching; <paramref name="create"/> makes the OS watcher (path, filter or null for a folder), so tests
    /// can make it fail as an exhausted inotify does.</summary>
    public WidgetWatcher(DevHostContext context, Func<string, string?, FileSystemWatcher>? create = null)
    {
        _context = context;
        _isZip = File.Exists(context.WidgetPath);
        _root = _isZip ? Path.GetDirectoryName(context.WidgetPath)! : context.WidgetPath;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        if (string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "poll", StringComparison.OrdinalIgnoreCase))
        {
            StartPolling($"{ModeVariable}=poll");
            return;
        }
        create ??= (path, filter) => filter is null ? new FileSystemWatcher(path) : new FileSystemWatcher(path, filter);
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = create(_root, _isZip ? Path.GetFileName(context.WidgetPath) : null);
            watcher.IncludeSubdirectories = !_isZip;
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += OnError;
            // On Linux this is where inotify_init or inotify_add_watch fails ("The configured user limit (128) on the number
            // of inotify instances has been reached …").
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            watcher?.Dispose();
            StartPolling(ex.Message);
        }
    }

    /// <summary>True once the watcher checks the files on a timer.</summary>
    public bool IsPolling => Volatile.Read(ref _polling) == 1;

    private void OnError(object sender, ErrorEventArgs e)
    {
        if (e.GetException() is InternalBufferOverflowException)
        {
            // Events were lost, not the watcher: look at everything again.
            Schedule();
            return;
        }
        // The watcher stopped (e.g. the inotify watch limit was reached while adding a new folder): poll from now on.
        var failed = Interlocked.Exchange(ref _watcher, null);
        if (failed is not null)
        {
            failed.EnableRaisingEvents = false;
            failed.Dispose();
        }
        StartPolling(e.GetException().Message);
        Schedule();
    }

    private void StartPolling(string reason)
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }
        _context.Log($"[dev] cannot watch the widget's files ({FirstLine(reason)}); checking them every {PollInterval.TotalMilliseconds:0} ms instead");
        _pollSignature = Signature();
        lock (_gate)
        {
            if (!_disposed)
            {
                _poll = new Timer(_ => Poll(), null, PollInterval, PollInterval);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    private void Poll()
    {
        long signature;
        try
        {
            signature = Signature();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // a file vanished mid-walk: the next round sees the settled state
        }
        if (Interlocked.Exchange(ref _pollSignature, signature) != signature)
        {
            Schedule();
        }
    }

    // Paths, sizes and modification times of what the loader would read, folded into one number (cheap to compare).
    private long Signature()
    {
        var hash = new HashCode();
        if (_isZip)
        {
            var zip = new FileInfo(_context.WidgetPath);
            hash.Add(zip.Exists ? zip.Length : -1);
            hash.Add(zip.Exists ? zip.LastWriteTimeUtc.Ticks : 0);
            return hash.ToHashCode();
        }
        long count = 0;
        var pending = new Stack<(DirectoryInfo Folder, int Depth)>();
        pending.Push((new DirectoryInfo(_root), 0));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            if (!folder.Exists)
            {
                continue;
            }
            foreach (var entry in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo sub)
                {
                    if (depth < 32 && !KommoWidgetKit.Loading.JunkRules.SkippedFolders.Contains(sub.Name) && (sub.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push((sub, depth + 1));
                    }
                    continue;
                }
                var file = (FileInfo)entry;
                hash.Add(file.FullName, StringComparer.Ordinal);
                hash.Add(file.Length);
                hash.Add(file.LastWriteTimeUtc.Ticks);
                count++;
            }
        }
        return ((long)hash.ToHashCode() << 20) ^ count;
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_root, e.FullPath).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith(".kommo", StringComparison.Ordinal) || relative.StartsWith(".git", StringComparison.Ordinal)
            || relative.StartsWith("node_modules", StringComparison.Ordinal))
        {
            return;
        }
        Schedule();
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
            _poll?.Dispose();
        }
        var watcher = Interlocked.Exchange(ref _watcher, null);
        if (watcher is not null)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
        _timer.Dispose();
    }
}
