using System.Text.Json;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.DevHost.Widget;

/// <summary>
/// The one adapter between the core library and the host: loads a folder or a zip with
/// <see cref="WidgetLoader"/>, validates it with <see cref="WidgetValidator"/>, and keeps what the browser needs.
/// </summary>
internal static class WidgetSource
{
    public static WidgetSnapshot Load(string widgetPath, string? codeOverride, long generation)
    {
        var diagnostics = new List<HostDiagnostic>();
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        Model.Widget? widget = null;
        WidgetConfig? config = null;
        try
        {
            // The core loader refuses hostile paths, links and oversized content; the validator gives the findings.
            widget = WidgetLoader.Load(widgetPath);
            foreach (var file in widget.Files)
            {
                files[file.Path] = file.Content;
            }
            var result = WidgetValidator.Validate(widget);
            config = result.Config;
            foreach (var d in result.Diagnostics)
            {
                diagnostics.Add(new HostDiagnostic(d.Id, d.Severity.ToName(), d.Message, d.Span.Path.Length == 0 ? null : d.Span.Path, d.Span.StartLine, d.Span.StartColumn));
            }
        }
        catch (WidgetLoadException ex)
        {
            diagnostics.Add(new("KW6000", "error", ex.Message, null, 0, 0));
        }

        // The browser runtime gets the manifest and i18n as plain JSON; the core says which files they are and whether
        // they are readable at all, and the findings about them come from the validator.
        JsonElement? manifest = widget?.Manifest is { Json.HasFatalIssue: false } m ? ToElement(m.File.Content) : null;
        var i18n = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var doc in widget?.I18n ?? [])
        {
            if (!doc.Json.HasFatalIssue && ToElement(doc.File.Content) is { } parsed)
            {
                i18n[doc.Locale] = parsed;
            }
        }

        var code = codeOverride;
        if (string.IsNullOrWhiteSpace(code))
        {
            code = widget?.Code;
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            code = DefaultCode(widgetPath);
        }

        var wanted = diagnostics.Where(d => d.Severity != "off");
        return new WidgetSnapshot
        {
            Code = code!,
            Version = widget?.Manifest?.Version ?? "0.0.1",
            Files = files,
            Manifest = manifest,
            I18n = i18n,
            Locales = widget?.Manifest?.Locales ?? [],
            Locations = widget?.Manifest?.Locations.Select(l => l.Raw).Where(l => l.Length > 0).ToList() ?? [],
            Diagnostics = wanted.ToList(),
            Generation = generation,
            UploadHash = widget is null ? "" : KommoWidgetKit.Packaging.DevLoader.UploadHash(widget),
            Dev = config?.Dev,
            DevSettingsJson = config?.Dev?.SettingsJson(widget?.Manifest) ?? "{}",
        };
    }

    /// <summary>The code the widget gets when neither --code nor a legacy widget.code gives one: its folder or zip name,
    /// made into a valid Kommo widget code (Latin lower-case letters, digits and '_', starting with a letter), e.g. hello-kommo → hello_kommo.</summary>
    public static string DefaultCode(string widgetPath)
    {
        var full = Path.GetFullPath(widgetPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var name = File.Exists(full) ? Path.GetFileNameWithoutExtension(full) : Path.GetFileName(full);
        try
        {
            return string.IsNullOrEmpty(name) ? "widget" : KommoWidgetKit.Scaffolding.WidgetScaffolder.ToCode(name);
        }
        catch (KommoWidgetKit.Scaffolding.ScaffoldException)
        {
            return "widget"; // a name with no Latin letters or digits at all
        }
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

    private static JsonElement? ToElement(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            span = span[3..];
        }
        try
        {
            using var doc = JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
