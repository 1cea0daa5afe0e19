using System.Text;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Reporting;

/// <summary>Where the reported widget lives, so that each format can name its files the way its reader expects.</summary>
/// <remarks>Text output names files from the current directory as the user gave the widget path; SARIF and GitHub
/// annotations name them from the repository root, because that is how GitHub matches them to its files.</remarks>
public sealed record ReportSource
{
    /// <summary>The widget path as the user gave it, with forward slashes and no trailing slash (<c>.</c> for the current folder).</summary>
    public required string DisplayPath { get; init; }

    /// <summary>The widget path relative to the repository root (forward slashes, <c>.</c> for the root), or null when the widget lies outside it.</summary>
    public string? RepositoryPath { get; init; }

    /// <summary>The repository root as an absolute <c>file:</c> URI ending in '/', or null when unknown.</summary>
    public string? RepositoryRootUri
    {
        get => _rootUri ??= _rootForUri is null ? null : new Uri(Path.TrimEndingDirectorySeparator(_rootForUri) + Path.DirectorySeparatorChar).AbsoluteUri;
        init => _rootUri = value;
    }
    private string? _rootUri;
    private string? _rootForUri; // made into a URI only when a report asks (SARIF): parsing a Uri is not free at start-up

    /// <summary>The widget's absolute path, used for SARIF locations when there is no repository-relative path.</summary>
    public string? FullPath { get; init; }

    /// <summary>True when the widget is a zip archive; positions inside it are then named as <c>widget.zip!path</c>.</summary>
    public bool IsArchive { get; init; }

    /// <summary>The single top-level folder all files sat in (paths in findings are relative to it), or null.</summary>
    public string? WrapperFolder { get; init; }

    /// <summary>Describes a loaded widget, reading the repository root from the disk (the nearest folder with <c>.git</c>, else the current folder).</summary>
    public static ReportSource For(Widget widget, string userPath, string? repositoryRoot = null)
    {
        string full = Path.GetFullPath(userPath);
        string root = Path.GetFullPath(repositoryRoot ?? FindRepositoryRoot(full) ?? Directory.GetCurrentDirectory());
        string relative = Path.GetRelativePath(root, full);
        bool inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return new ReportSource
        {
            DisplayPath = NormalizeDisplayPath(userPath),
            RepositoryPath = inside ? relative.Replace(Path.DirectorySeparatorChar, '/') : null,
            _rootForUri = inside ? root : null,
            FullPath = full,
            IsArchive = widget.SourceKind == WidgetSourceKind.Zip,
            WrapperFolder = widget.WrapperFolder,
        };
    }

    /// <summary>The nearest folder at or above <paramref name="path"/> that holds a <c>.git</c> folder or file, or null.</summary>
    public static string? FindRepositoryRoot(string path)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(path));
        if (!dir.Exists) dir = dir.Parent;
        for (; dir is not null; dir = dir.Parent)
        {
            string git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return dir.FullName;
        }
        return null;
    }

    /// <summary>Writes a user-given path with forward slashes, without <c>./</c> in front or a slash at the end.</summary>
    public static string NormalizeDisplayPath(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..].TrimStart('/');
        if (p.Length > 1) p = p.TrimEnd('/');
        return p.Length == 0 ? "." : p;
    }

    /// <summary>The widget-relative path with the wrapper folder in front when there is one.</summary>
    public string InnerPath(string filePath) =>
        WrapperFolder is null ? filePath : filePath.Length == 0 ? WrapperFolder : WrapperFolder + "/" + filePath;

    /// <summary>The message prefix that places a finding inside an archive (<c>manifest.json:3:5: </c>), or empty for the archive as a whole.</summary>
    public string ArchivePrefix(Diagnostics.SourceSpan span)
    {
        string inner = InnerPath(span.Path);
        if (inner.Length == 0) return "";
        return inner + (span.HasPosition ? $":{span.StartLine}:{span.StartColumn}" : "") + ": ";
    }

    /// <summary>How text output names a file: <c>samples/hello/manifest.json</c> or <c>widget.zip!manifest.json</c>.</summary>
    public string Display(string filePath)
    {
        string inner = InnerPath(filePath);
        if (inner.Length == 0) return DisplayPath;
        if (IsArchive) return DisplayPath + "!" + inner;
        return DisplayPath == "." ? inner : DisplayPath.TrimEnd('/') + "/" + inner;
    }

    /// <summary>The file's path from the repository root as GitHub knows it (the archive itself for a zip), or null when outside the repository.</summary>
    public string? RepositoryFilePath(string filePath)
    {
        if (RepositoryPath is null) return null;
        string inner = IsArchive ? "" : InnerPath(filePath);
        if (inner.Length == 0) return RepositoryPath;
        return RepositoryPath == "." ? inner : RepositoryPath + "/" + inner;
    }

    /// <summary>The path for tools that want one relative to the repository root; falls back to the displayed path.</summary>
    public string AnnotationPath(string filePath) => RepositoryFilePath(filePath) ?? (IsArchive ? DisplayPath : Display(filePath));

    /// <summary>A SARIF artifact URI: relative and percent-encoded (with base <c>%SRCROOT%</c>) inside the repository, absolute outside it.</summary>
    public (string Uri, bool Relative) ArtifactUri(string filePath)
    {
        if (RepositoryFilePath(filePath) is { } relative) return (EscapeRelativeUri(relative), true);
        string basePath = FullPath ?? Path.GetFullPath(DisplayPath);
        string inner = IsArchive ? "" : InnerPath(filePath);
        string full = inner.Length == 0 ? basePath : Path.Combine(basePath, inner);
        return (new Uri(full).AbsoluteUri, false);
    }

    private static string EscapeRelativeUri(string path)
    {
        if (path == ".") return "./";
        var sb = new StringBuilder(path.Length + 8);
        foreach (var segment in path.Split('/'))
        {
            if (sb.Length > 0) sb.Append('/');
            sb.Append(Uri.EscapeDataString(segment));
        }
        return sb.ToString();
    }
}
