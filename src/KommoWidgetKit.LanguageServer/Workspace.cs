using System.Text;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.LanguageServer;

/// <summary>A document the editor has open: its text as the editor holds it.</summary>
internal sealed class OpenDocument(string uri, string path, int version, string text)
{
    public string Uri { get; } = uri;
    public string Path { get; } = path;
    public int Version { get; set; } = version;
    public string Text { get; set; } = text;
}

/// <summary>One widget of the workspace (a folder with a manifest.json) and what was last found in it.</summary>
internal sealed class WidgetState(string root)
{
    public string Root { get; } = root;
    /// <summary>Held while validating and publishing.</summary>
    public Lock Gate { get; } = new();
    /// <summary>Held only to start or move the timer, so scheduling never waits for a validation to finish.</summary>
    public Lock TimerGate { get; } = new();
    public Widget? Disk { get; set; }
    private volatile bool _diskDirty = true;
    public bool DiskDirty { get => _diskDirty; set => _diskDirty = value; }
    public Timer? Pending { get; set; }
    public Snapshot? Last { get; set; }
    public HashSet<string> PublishedUris { get; } = new(StringComparer.Ordinal);
}

/// <summary>A widget as validated once: the files (disk with the editor's text over it), the findings, and the versions
/// of the open documents that went in.</summary>
internal sealed class Snapshot(WidgetState state, Widget widget, ValidationResult result, IReadOnlyDictionary<string, OpenDocument> documents, IReadOnlyDictionary<string, int> versions)
{
    public WidgetState State { get; } = state;
    public string Root => State.Root;
    public Widget Widget { get; } = widget;
    public ValidationResult Result { get; } = result;

    /// <summary>Open documents of the widget by root-relative path (copies of their text at the time).</summary>
    public IReadOnlyDictionary<string, OpenDocument> Documents { get; } = documents;

    /// <summary>Versions of the open documents, by root-relative path.</summary>
    public IReadOnlyDictionary<string, int> Versions { get; } = versions;

    public string FullPath(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>The root-relative path of a file, or null when it is not in the widget.</summary>
    public string? Relative(string fullPath) => Workspace.RelativeTo(Root, fullPath);

    /// <summary>The text of a widget file as validated.</summary>
    public string? Text(string relative)
    {
        if (Documents.TryGetValue(relative, out var doc)) return doc.Text;
        var file = Widget.GetFile(relative);
        return file is null ? null : Parsing.TextAnalysis.Decode(file.Content.Span);
    }
}

/// <summary>Finds the widget a file belongs to and builds what the validator sees.</summary>
internal static class Workspace
{
    public const string Manifest = "manifest.json";

    /// <summary>Documents larger than this are not validated (a widget file that large is refused by the loader too).</summary>
    public static long MaxDocumentChars => WidgetLoadOptions.Default.MaxFileSize;

    public static string? RelativeTo(string root, string fullPath)
    {
        string rel = System.IO.Path.GetRelativePath(root, fullPath);
        if (rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(rel)) return null;
        return rel.Replace('\\', '/');
    }

    /// <summary>Whether a path passes through a folder the loader skips (node_modules/, .git/ …): a change there (npm
    /// install) is no widget's.</summary>
    public static bool InNoWidgetFolder(string fullPath)
    {
        foreach (var part in fullPath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar))
            if (JunkRules.SkippedFolders.Contains(part)) return true;
        return false;
    }

    /// <summary>The nearest folder at or above the file's folder with a manifest.json (on disk or open), or null.</summary>
    public static string? FindRoot(string fullPath, Func<string, bool> isOpen)
    {
        if (InNoWidgetFolder(fullPath)) return null;
        string? dir = System.IO.Path.GetDirectoryName(fullPath);
        for (int depth = 0; dir is not null && depth < 32; depth++)
        {
            string manifest = System.IO.Path.Combine(dir, Manifest);
            if (File.Exists(manifest) || isOpen(manifest)) return dir;
            dir = System.IO.Path.GetDirectoryName(dir);
        }
        return null;
    }

    /// <summary>Widget folders under a workspace folder (a manifest.json, not inside node_modules, .git and the like).</summary>
    public static IEnumerable<string> Discover(string folder, int maxDepth = 4, int maxWidgets = 64)
    {
        var found = new List<string>();
        var queue = new Queue<(string Dir, int Depth)>();
        queue.Enqueue((folder, 0));
        while (queue.Count > 0 && found.Count < maxWidgets)
        {
            var (dir, depth) = queue.Dequeue();
            try
            {
                if (File.Exists(System.IO.Path.Combine(dir, Manifest))) found.Add(dir);
                if (depth >= maxDepth) continue;
                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    var info = new DirectoryInfo(sub);
                    if (info.LinkTarget is not null) continue;
                    string name = info.Name;
                    if (name.StartsWith('.') || JunkRules.SkippedFolders.Contains(name) || name is "bin" or "obj") continue;
                    queue.Enqueue((sub, depth + 1));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder has no widget we can check.
            }
        }
        return found;
    }

    /// <summary>The bytes of an open document as the file would be saved: UTF-8, with the byte order mark the file on disk
    /// has (editors keep it on save but do not show it in the text).</summary>
    public static byte[] Bytes(OpenDocument doc, Widget? disk, string relative)
    {
        byte[] text = Encoding.UTF8.GetBytes(doc.Text);
        var onDisk = disk?.GetFile(relative);
        if (onDisk is not null && onDisk.Content.Span.StartsWith("\uFEFF"u8) && !doc.Text.StartsWith('\uFEFF'))
            return [0xEF, 0xBB, 0xBF, .. text];
        return text;
    }
}
