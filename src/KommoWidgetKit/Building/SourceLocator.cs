using System.Collections.Concurrent;
using System.Text;

namespace KommoWidgetKit.Building;

/// <summary>A position in a generated script and the source place it comes from.</summary>
/// <param name="Path">The source as a person names it: relative to the display folder (<c>src/index.ts</c>) when it lies
/// inside it, else as the map names it.</param>
/// <param name="Line">1-based line in the source.</param>
/// <param name="Column">1-based column in the source.</param>
/// <param name="Name">The original name there, when the map has one.</param>
public sealed record MappedPosition(string Path, int Line, int Column, string? Name);

/// <summary>Maps positions in a widget's scripts back to their sources through the scripts' source maps
/// (<c>//# sourceMappingURL=</c> at the end of the script, else <c>FILE.map</c> beside it; inline <c>data:</c> maps too).</summary>
/// <remarks>One locator belongs to one state of the files: maps are decoded on first use and kept.</remarks>
public sealed class SourceLocator
{
    private readonly Func<string, ReadOnlyMemory<byte>?> _read;
    private readonly string? _widgetDirectory;
    private readonly string? _displayRoot;
    private readonly ConcurrentDictionary<string, (SourceMap? Map, string MapPath)> _maps = new(StringComparer.Ordinal);

    /// <summary>A locator over the widget's files.</summary>
    /// <param name="read">Reads a widget file by its widget-relative path (forward slashes); null when there is none.</param>
    /// <param name="widgetDirectory">The widget folder on disk (full path), to resolve sources outside it
    /// (<c>../src/index.ts</c> from <c>dist/script.js.map</c>); null for an archive.</param>
    /// <param name="displayRoot">Sources on disk are named relative to this folder (the project folder); null keeps the
    /// map's own relative names.</param>
    public SourceLocator(Func<string, ReadOnlyMemory<byte>?> read, string? widgetDirectory, string? displayRoot)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
        _widgetDirectory = widgetDirectory is null ? null : Path.GetFullPath(widgetDirectory);
        _displayRoot = displayRoot is null ? null : Path.GetFullPath(displayRoot);
    }

    /// <summary>The source place of <paramref name="line"/>:<paramref name="column"/> (1-based) in the widget file
    /// <paramref name="file"/>, or null when the file has no readable map or the map says nothing about that place.</summary>
    public MappedPosition? Map(string file, int line, int column)
    {
        if (string.IsNullOrEmpty(file) || line < 1) return null;
        var (map, mapPath) = _maps.GetOrAdd(file, Load);
        if (map?.Find(line, Math.Max(1, column)) is not { } found) return null;
        return new MappedPosition(Display(mapPath, found.Source), found.Line, found.Column, found.Name);
    }

    /// <summary>Whether <paramref name="file"/> has a readable source map.</summary>
    public bool HasMap(string file) => !string.IsNullOrEmpty(file) && _maps.GetOrAdd(file, Load).Map is not null;

    private (SourceMap?, string) Load(string file)
    {
        if (_read(file) is not { } content) return (null, "");
        string folder = file.Contains('/') ? file[..file.LastIndexOf('/')] : "";
        string? url = MappingUrl(content.Span);
        if (url is not null && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            int comma = url.IndexOf(',');
            if (comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return (null, "");
            try
            {
                var bytes = Convert.FromBase64String(url[(comma + 1)..]);
                return SourceMap.TryParse(bytes, out var inline, out _) ? (inline, file) : (null, "");
            }
            catch (FormatException)
            {
                return (null, "");
            }
        }
        string mapPath = url is null ? file + ".map" : Combine(folder, Uri.UnescapeDataString(url.Split('?', '#')[0]));
        if (mapPath.StartsWith("../", StringComparison.Ordinal) || _read(mapPath) is not { } mapContent) return (null, "");
        return SourceMap.TryParse(mapContent.Span, out var map, out _) ? (map, mapPath) : (null, "");
    }

    // The last sourceMappingURL comment in the file's last 64 KB (an inline data: map can be long).
    private static string? MappingUrl(ReadOnlySpan<byte> content)
    {
        var tail = content.Length > 65536 ? content[^65536..] : content;
        string text = Encoding.UTF8.GetString(tail);
        int at = Math.Max(text.LastIndexOf("//# sourceMappingURL=", StringComparison.Ordinal), text.LastIndexOf("//@ sourceMappingURL=", StringComparison.Ordinal));
        if (at < 0) return null;
        int start = at + "//# sourceMappingURL=".Length;
        int end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '*') end++;
        return end > start ? text[start..end] : null;
    }

    private string Display(string mapPath, string source)
    {
        // webpack://NAME/./src/x.ts and webpack:///./src/x.ts: the part after the project name, relative to its root.
        if (source.StartsWith("webpack://", StringComparison.OrdinalIgnoreCase))
        {
            string rest = source["webpack://".Length..];
            int slash = rest.IndexOf('/');
            return Normalize(slash < 0 ? rest : rest[(slash + 1)..]);
        }
        if (source.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(source, UriKind.Absolute, out var uri))
            return FromDisk(uri.LocalPath);
        if (source.Contains("://", StringComparison.Ordinal)) return source;
        if (source.StartsWith('/')) return FromDisk(source);
        string folder = mapPath.Contains('/') ? mapPath[..mapPath.LastIndexOf('/')] : "";
        string relative = Combine(folder, source);
        if (_widgetDirectory is null) return relative;
        return FromDisk(Path.GetFullPath(Path.Combine(_widgetDirectory, relative.Replace('/', Path.DirectorySeparatorChar))));
    }

    private string FromDisk(string full)
    {
        if (_displayRoot is null) return full.Replace('\\', '/');
        string rel = Path.GetRelativePath(_displayRoot, full);
        if (rel == ".." || rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(rel)) return full.Replace('\\', '/');
        return rel.Replace('\\', '/');
    }

    /// <summary>Joins a folder and a relative path with forward slashes, resolving <c>.</c> and <c>..</c> (which may stay in front).</summary>
    private static string Combine(string folder, string path) => Normalize(folder.Length == 0 ? path : folder + "/" + path);

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
