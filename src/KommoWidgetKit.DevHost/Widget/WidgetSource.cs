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
        // The core loader refuses hostile paths, links and oversized content; an input that cannot be loaded at all (gone
        // while the host runs, not a folder or zip, too large) is a widget with no files whose findings say why. Every
        // finding, with its rule ID and severity, comes from the validator.
        var widget = WidgetLoader.LoadOrEmpty(widgetPath);
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var file in widget.Files)
        {
            files[file.Path] = file.Content;
        }
        var result = WidgetValidator.Validate(widget);
        var config = result.Config;
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity != Severity.Off)
            .Select(HostDiagnostic.From)
            .ToList();

        var code = codeOverride;
        if (string.IsNullOrWhiteSpace(code))
        {
            code = widget.Code;
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            code = DefaultCode(widgetPath);
        }

        return new WidgetSnapshot
        {
            Model = widget,
            Code = code!,
            Files = files,
            Diagnostics = diagnostics,
            Generation = generation,
            UploadHash = KommoWidgetKit.Packaging.DevLoader.UploadHash(widget),
            Dev = config?.Dev,
            DevSettingsJson = config?.Dev?.SettingsJson(widget.Manifest) ?? "{}",
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
}
