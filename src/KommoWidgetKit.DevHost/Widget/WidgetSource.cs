using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace KommoWidgetKit.DevHost.Widget;

/// <summary>
/// The one adapter between the widget on disk and the host: reads a folder or a zip into a
/// <see cref="WidgetSnapshot"/> and collects the findings that the page overlay shows.
/// </summary>
internal static class WidgetSource
{
    private const long MaxFileBytes = 16 * 1024 * 1024;
    private const long MaxTotalBytes = 128 * 1024 * 1024;
    private static readonly string[] SkippedFolders = [".kommo", ".git", "node_modules", ".idea", ".vs", "__MACOSX"];

    public static WidgetSnapshot Load(string widgetPath, string? codeOverride, long generation)
    {
        var diagnostics = new List<HostDiagnostic>();
        var files = File.Exists(widgetPath) ? ReadZip(widgetPath, diagnostics) : ReadFolder(widgetPath, diagnostics);

        JsonElement? manifest = null;
        if (files.TryGetValue("manifest.json", out var manifestBytes))
        {
            manifest = ParseJson("manifest.json", manifestBytes, diagnostics, "KW1000");
        }
        else
        {
            diagnostics.Add(new("KW1001", "error", "manifest.json is missing at the widget root", "manifest.json", 0, 0));
        }

        var locales = StringArray(manifest, "widget", "locale");
        var locations = StringArray(manifest, null, "locations");
        var i18n = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (path.StartsWith("i18n/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal) && path.Count(c => c == '/') == 1)
            {
                var lang = path[5..^5];
                if (ParseJson(path, content, diagnostics, "KW3000") is { } parsed)
                {
                    i18n[lang] = parsed;
                }
            }
        }
        foreach (var locale in locales)
        {
            if (!files.ContainsKey($"i18n/{locale}.json"))
            {
                diagnostics.Add(new("KW3001", "error", $"widget.locale lists \"{locale}\" but i18n/{locale}.json is missing", "manifest.json", 0, 0));
            }
        }
        if (manifest is not null && !files.ContainsKey("script.js"))
        {
            diagnostics.Add(new("KW2001", "warning", "script.js is missing: the widget has no code to run", "script.js", 0, 0));
        }

        var code = codeOverride;
        if (string.IsNullOrWhiteSpace(code))
        {
            code = manifest is { } m && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("widget", out var w)
                && w.ValueKind == JsonValueKind.Object && w.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString() : null;
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            code = DefaultCode(widgetPath);
        }

        var version = "0.0.1";
        if (manifest is { ValueKind: JsonValueKind.Object } mm && mm.TryGetProperty("widget", out var ww) && ww.ValueKind == JsonValueKind.Object
            && ww.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String)
        {
            version = v.GetString() ?? version;
        }

        return new WidgetSnapshot
        {
            Code = code!,
            Version = version,
            Files = files,
            Manifest = manifest,
            I18n = i18n,
            Locales = locales,
            Locations = locations,
            Diagnostics = diagnostics
                .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList(),
            Generation = generation,
        };
    }

    /// <summary>The code the widget gets when neither --code nor a legacy widget.code gives one: its folder or zip name.</summary>
    public static string DefaultCode(string widgetPath)
    {
        var full = Path.GetFullPath(widgetPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var name = File.Exists(full) ? Path.GetFileNameWithoutExtension(full) : Path.GetFileName(full);
        return string.IsNullOrEmpty(name) ? "widget" : name;
    }

    /// <summary>Normalises a request path to a widget-relative key, or null when it tries to leave the root.</summary>
    public static string? NormalizeRelative(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\') || path.Contains('\0') || path.Contains(':'))
        {
            return null;
        }
        var parts = path.Split('/');
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                return null;
            }
            kept.Add(part);
        }
        return kept.Count == 0 ? null : string.Join('/', kept);
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadFolder(string root, List<HostDiagnostic> diagnostics)
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            diagnostics.Add(new("KW6000", "error", $"widget folder not found: {full}", null, 0, 0));
            return files;
        }
        long total = 0;
        var pending = new Stack<string>();
        pending.Push(full);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                // Links could point outside the root: they are not followed.
                if (entry.LinkTarget is not null)
                {
                    continue;
                }
                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedFolders.Contains(sub.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(sub.FullName);
                    }
                    continue;
                }
                if (entry is not FileInfo file)
                {
                    continue;
                }
                var relative = Path.GetRelativePath(full, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (file.Length > MaxFileBytes || total + file.Length > MaxTotalBytes)
                {
                    diagnostics.Add(new("KW6001", "warning", $"{relative} is too large to serve ({file.Length} bytes)", relative, 0, 0));
                    continue;
                }
                try
                {
                    files[relative] = File.ReadAllBytes(file.FullName);
                    total += file.Length;
                }
                catch (IOException)
                {
                    // A file being written right now: the watcher reloads again when the write ends.
                }
            }
        }
        return files;
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadZip(string zipPath, List<HostDiagnostic> diagnostics)
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }
                var relative = NormalizeRelative(entry.FullName);
                if (relative is null || entry.FullName.StartsWith('/'))
                {
                    diagnostics.Add(new("KW6002", "error", $"zip entry \"{entry.FullName}\" leaves the archive root and was skipped", null, 0, 0));
                    continue;
                }
                if (entry.Length > MaxFileBytes || total + entry.Length > MaxTotalBytes)
                {
                    diagnostics.Add(new("KW6001", "warning", $"{relative} is too large to serve ({entry.Length} bytes)", relative, 0, 0));
                    continue;
                }
                using var stream = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                stream.CopyTo(buffer);
                files[relative] = buffer.ToArray();
                total += entry.Length;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            diagnostics.Add(new("KW6003", "error", $"cannot read the zip: {ex.Message}", null, 0, 0));
        }
        return files;
    }

    private static JsonElement? ParseJson(string path, ReadOnlyMemory<byte> content, List<HostDiagnostic> diagnostics, string id)
    {
        var span = content.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            diagnostics.Add(new(id, "error", "file starts with a UTF-8 BOM", path, 1, 1));
            span = span[3..];
        }
        try
        {
            using var doc = JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
            diagnostics.Add(new(id, "error", $"invalid JSON: {message}", path, line, column));
            return null;
        }
    }

    private static List<string> StringArray(JsonElement? root, string? parent, string name)
    {
        var result = new List<string>();
        if (root is not { ValueKind: JsonValueKind.Object } element)
        {
            return result;
        }
        if (parent is not null && (!element.TryGetProperty(parent, out element) || element.ValueKind != JsonValueKind.Object))
        {
            return result;
        }
        if (element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
                {
                    result.Add(s);
                }
            }
        }
        return result;
    }

    internal static string Utf8(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
