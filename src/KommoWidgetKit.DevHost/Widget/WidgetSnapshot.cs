using System.Text.Json;

namespace KommoWidgetKit.DevHost.Widget;

/// <summary>One finding about the widget, shown in the terminal and in the page overlay.</summary>
public sealed record HostDiagnostic(string Id, string Severity, string Message, string? Path, int Line, int Column)
{
    /// <summary>"path:line:col: severity ID: message", the way the terminal prints it.</summary>
    public override string ToString()
    {
        var where = Path is null ? "" : Line > 0 ? $"{Path}:{Line}:{Column}: " : $"{Path}: ";
        return $"{where}{Severity} {Id}: {Message}";
    }
}

/// <summary>An immutable view of the widget as it was on disk at one moment: files, manifest, i18n, findings.</summary>
internal sealed class WidgetSnapshot
{
    public required string Code { get; init; }
    public required string Version { get; init; }
    public required IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files { get; init; }
    public JsonElement? Manifest { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> I18n { get; init; }
    public required IReadOnlyList<string> Locales { get; init; }
    public required IReadOnlyList<string> Locations { get; init; }
    public required IReadOnlyList<HostDiagnostic> Diagnostics { get; init; }
    public long Generation { get; init; }

    /// <summary>Hash of what only an upload changes (manifest, i18n, images), as <c>kommo-widget loader</c> records it.</summary>
    public string UploadHash { get; init; } = "";

    /// <summary>The <c>dev</c> block of kommo-widget.json, if any.</summary>
    public KommoWidgetKit.Validation.DevConfig? Dev { get; init; }

    /// <summary><see cref="Dev"/>'s setting values as the settings modal saves them.</summary>
    public string DevSettingsJson { get; init; } = "{}";

    public bool TryGetFile(string path, out ReadOnlyMemory<byte> content) => Files.TryGetValue(path, out content);

    /// <summary>Twig templates of the widget (path → source), so the runtime can resolve includes synchronously.</summary>
    public Dictionary<string, string> Templates()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in Files)
        {
            if (path.EndsWith(".twig", StringComparison.OrdinalIgnoreCase))
            {
                result[path] = System.Text.Encoding.UTF8.GetString(content.Span);
            }
        }
        return result;
    }
}
