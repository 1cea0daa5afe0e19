using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.DevHost.Widget;

/// <summary>One finding about the widget, shown in the terminal and in the page overlay.</summary>
public sealed record HostDiagnostic(string Id, string Severity, string Message, string? Path, int Line, int Column)
{
    /// <summary>A finding of the validator, with its rule ID and severity.</summary>
    public static HostDiagnostic From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Span;
        return new(diagnostic.Id, diagnostic.Severity.ToName(), diagnostic.Message, span.Path.Length == 0 ? null : span.Path, span.StartLine, span.StartColumn);
    }

    /// <summary>"path:line:col: severity ID: message", the way the terminal prints it.</summary>
    public override string ToString()
    {
        var where = Path is null ? "" : Line > 0 ? $"{Path}:{Line}:{Column}: " : $"{Path}: ";
        return $"{where}{Severity} {Id}: {Message}";
    }
}

/// <summary>An immutable view of the widget as it was on disk at one moment: the core model (files, manifest, i18n) and the
/// validator's findings. Nothing here parses a file again: everything is read from <see cref="Model"/>.</summary>
/// <remarks>A record so that a copy can carry other findings (<c>with { Diagnostics = … }</c>): a source project's build errors
/// and its findings named in the sources.</remarks>
internal sealed record WidgetSnapshot
{
    /// <summary>The widget as the core loaded it (an input that could not be loaded is a widget with no files).</summary>
    public required Model.Widget Model { get; init; }

    public required string Code { get; init; }

    public required IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files { get; init; }

    public required IReadOnlyList<HostDiagnostic> Diagnostics { get; init; }

    public long Generation { get; init; }

    /// <summary>Hash of what only an upload changes (manifest, i18n, images), as <c>kommo-widget loader</c> records it.</summary>
    public string UploadHash { get; init; } = "";

    /// <summary>The <c>dev</c> block of kommo-widget.json, if any.</summary>
    public KommoWidgetKit.Validation.DevConfig? Dev { get; init; }

    /// <summary><see cref="Dev"/>'s setting values as the settings modal saves them.</summary>
    public string DevSettingsJson { get; init; } = "{}";

    /// <summary>manifest.json as the core read it, even with fatal problems (version, locales and locations come from it).</summary>
    public ManifestDocument? Manifest => Model.Manifest;

    /// <summary>manifest.json when a strict JSON parser can read it: the page's manifest, the settings form and the digital
    /// pipeline block come from it, as they would in Kommo; null when it is missing or broken.</summary>
    public ManifestDocument? ReadableManifest => Manifest is { Json.HasFatalIssue: false, Root: not null } m ? m : null;

    /// <summary>The settings fields of the readable manifest.</summary>
    public IReadOnlyList<SettingField> Settings => ReadableManifest?.Settings ?? [];

    /// <summary>The <c>dp.settings</c> fields of the readable manifest.</summary>
    public IReadOnlyList<SettingField> DpSettings => ReadableManifest?.DpSettings ?? [];

    public string Version => Manifest?.Version ?? "0.0.1";

    public IReadOnlyList<string> Locales => Manifest?.Locales ?? [];

    /// <summary>The manifest's locations as written.</summary>
    public IReadOnlyList<string> Locations => _locations ??= Manifest?.Locations.Select(l => l.Raw).Where(l => l.Length > 0).ToList() ?? [];

    /// <summary>The readable i18n files (no fatal problem, an object at the root) by locale.</summary>
    public IReadOnlyDictionary<string, JObject> I18n => _i18n ??= Model.I18n
        .Where(d => !d.Json.HasFatalIssue && d.Root is not null)
        .GroupBy(d => d.Locale, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last().Root!, StringComparer.Ordinal);

    private IReadOnlyList<string>? _locations;

    private IReadOnlyDictionary<string, JObject>? _i18n;

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
