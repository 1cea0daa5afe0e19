using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Parsing.Json;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>What a widget declares, gathered for <c>kommo-widget info</c>.</summary>
public sealed record WidgetInfo
{
    /// <summary>The widget path as given.</summary>
    public required string Source { get; init; }
    /// <summary>Folder or zip.</summary>
    public required WidgetSourceKind SourceKind { get; init; }
    /// <summary>Whether manifest.json exists and is a JSON object.</summary>
    public required bool HasManifest { get; init; }
    /// <summary><c>widget.name</c> as written (an i18n key or literal text).</summary>
    public string? NameKey { get; init; }
    /// <summary>The name in each locale (null when the key does not resolve there).</summary>
    public required IReadOnlyList<(string Locale, string? Name)> Names { get; init; }
    /// <summary><c>widget.version</c>.</summary>
    public string? Version { get; init; }
    /// <summary>Legacy <c>widget.code</c>.</summary>
    public string? Code { get; init; }
    /// <summary>The platform the widget is for.</summary>
    public required WidgetPlatform Platform { get; init; }
    /// <summary>Why that platform: the configuration file or inference.</summary>
    public required string PlatformReason { get; init; }
    /// <summary>Declared locales and whether each has its i18n file.</summary>
    public required IReadOnlyList<(string Locale, bool HasFile)> Locales { get; init; }
    /// <summary>i18n files whose locale the manifest does not declare.</summary>
    public required IReadOnlyList<string> UndeclaredI18n { get; init; }
    /// <summary>The locations.</summary>
    public required IReadOnlyList<LocationRow> Locations { get; init; }
    /// <summary>The settings fields.</summary>
    public required IReadOnlyList<SettingRow> Settings { get; init; }
    /// <summary>Top-level manifest blocks besides <c>widget</c>, <c>locations</c> and <c>settings</c>.</summary>
    public required IReadOnlyList<BlockRow> Blocks { get; init; }
    /// <summary>The logos Kommo requires (and the DP logo when relevant).</summary>
    public required IReadOnlyList<LogoRow> Logos { get; init; }
    /// <summary>The files <c>pack</c> would ship and those it would leave out, with why.</summary>
    public required PackSelection Pack { get; init; }

    /// <summary>Gathers the facts of a loaded widget.</summary>
    public static WidgetInfo From(Widget widget, string source, PackSelection pack)
    {
        var manifest = widget.Manifest;
        var root = manifest?.Root;
        var locales = manifest?.Locales.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var labelLocales = locales.Count > 0 ? locales : widget.I18n.Select(d => d.Locale).ToList();

        string? nameKey = manifest?.WidgetBlock?.GetString("name");
        var names = labelLocales.Select(l => (l, Resolve(widget, l, nameKey))).ToList();

        var config = widget.HasFile(WidgetConfig.FileName) ? WidgetConfig.Read(widget) : WidgetConfig.Empty;
        WidgetPlatform platform;
        string reason;
        if (config.Platform is { } configured)
        {
            platform = configured;
            reason = "set in " + WidgetConfig.FileName;
        }
        else
        {
            platform = WidgetValidator.InferPlatform(widget);
            reason = platform == WidgetPlatform.AmoCrm ? "inferred: the ru locale is declared" : "inferred: no ru locale";
        }

        return new WidgetInfo
        {
            Source = source,
            SourceKind = widget.SourceKind,
            HasManifest = root is not null,
            NameKey = nameKey,
            Names = names,
            Version = manifest?.Version,
            Code = manifest?.Code,
            Platform = platform,
            PlatformReason = reason,
            Locales = locales.Select(l => (l, widget.GetI18n(l) is not null)).ToList(),
            UndeclaredI18n = locales.Count == 0 ? [] : widget.I18n.Select(d => d.Locale).Where(l => !locales.Contains(l)).ToList(),
            Locations = manifest?.Locations.Select(LocationRow.From).ToList() ?? [],
            Settings = manifest?.Settings.Select(f => SettingRow.From(widget, f, labelLocales)).ToList() ?? [],
            Blocks = root is null ? [] : BlockRow.Read(widget, root, labelLocales.FirstOrDefault()),
            Logos = LogoRow.Read(widget),
            Pack = pack,
        };
    }

    /// <summary>Resolves a manifest string in a locale: an i18n key gives its text there (null when missing); literal text stays as it is.</summary>
    public static string? Resolve(Widget widget, string locale, string? value)
    {
        if (value is null) return null;
        if (!ManifestDocument.LooksLikeKey(value)) return value;
        return widget.GetI18n(locale)?.Resolve(value) is JString s ? s.Value : null;
    }
}

/// <summary>One <c>locations</c> entry explained.</summary>
/// <param name="Entry">As written, e.g. <c>lcard-1</c>.</param>
/// <param name="Area">The area without suffix.</param>
/// <param name="Meaning">What the area is, or null for an unknown area.</param>
/// <param name="RightPanel">Whether the widget draws a block in the right panel there.</param>
/// <param name="Legacy">Documented only in legacy docs.</param>
public sealed record LocationRow(string Entry, string Area, string? Meaning, bool RightPanel, bool Legacy)
{
    /// <summary>Explains a parsed entry.</summary>
    public static LocationRow From(LocationEntry e) => new(e.Raw, e.Area, e.Info?.Title, e.HasPanel, e.Info?.IsLegacy ?? false);

    /// <summary>Whether a block shows in the right panel, for text output.</summary>
    public string PanelNote => Meaning is null ? "unknown location" : RightPanel ? "right-panel block" : "no panel block";
}

/// <summary>One settings field.</summary>
/// <param name="Code">The field code.</param>
/// <param name="Type">The type as written.</param>
/// <param name="Required">The <c>required</c> flag.</param>
/// <param name="LabelKey">The <c>name</c> (i18n key).</param>
/// <param name="Labels">The label in each locale (null when the key does not resolve).</param>
public sealed record SettingRow(string Code, string? Type, bool Required, string? LabelKey, IReadOnlyList<(string Locale, string? Label)> Labels)
{
    /// <summary>Reads a field and resolves its label.</summary>
    public static SettingRow From(Widget widget, SettingField f, IReadOnlyList<string> locales) =>
        new(f.Code, f.Type, f.Required ?? false, f.NameKey, locales.Select(l => (l, WidgetInfo.Resolve(widget, l, f.NameKey))).ToList());
}

/// <summary>A top-level manifest block and a one-line summary of what it holds.</summary>
/// <param name="Name">The key, e.g. <c>dp</c>.</param>
/// <param name="Summary">What it declares.</param>
public sealed record BlockRow(string Name, string Summary)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "widget", "locations", "tour", "settings", "dp", "advanced", "salesbot_designer", "sms", "mobile", "left_menu", "amoforms_settings",
    };

    /// <summary>Summarises every block but <c>widget</c>, <c>locations</c> and <c>settings</c> (shown on their own), in manifest order.</summary>
    public static IReadOnlyList<BlockRow> Read(Widget widget, JObject root, string? locale)
    {
        var rows = new List<BlockRow>();
        foreach (var p in root.DistinctProperties)
        {
            if (p.Name is "widget" or "locations" or "settings") continue;
            var o = p.Value as JObject;
            string summary = p.Name switch
            {
                _ when o is null && Known.Contains(p.Name) => $"not an object ({p.Value.KindName})",
                "tour" => Tour(o!),
                "dp" => Join(CliText.Count(o!.GetObject("settings")?.Properties.Count ?? 0, "field"),
                    o["action_multiple"] is JBoolean am ? "action_multiple " + (am.Value ? "true" : "false") : null,
                    o.GetString("webhook_url") is { } hook ? "webhook " + hook : null),
                "advanced" => o!.GetString("title") is { } title ? "title " + Quote(locale is null ? title : WidgetInfo.Resolve(widget, locale, title) ?? title) : "no title",
                "salesbot_designer" => Handlers(o!),
                "sms" => o!.GetString("endpoint") is { } endpoint ? "endpoint " + endpoint : "no endpoint",
                "mobile" => o!.GetString("frame_url") is { } frame ? "frame " + frame : "no frame_url",
                "left_menu" => "items: " + (o!.Properties.Count == 0 ? "none" : string.Join(", ", o.DistinctProperties.Select(i => i.Name))),
                "amoforms_settings" => "amoCRM web forms settings",
                _ => "unknown block (Kommo ignores it)",
            };
            rows.Add(new BlockRow(p.Name, summary));
        }
        return rows;
    }

    private static string Tour(JObject tour)
    {
        var images = tour.GetObject("tour_images");
        int languages = images?.Properties.Count ?? 0;
        int count = images?.DistinctProperties.Sum(l => (l.Value as JArray)?.Items.Count ?? 0) ?? 0;
        bool on = tour["is_tour"] is JBoolean { Value: true };
        return Join(on ? "on" : "off", CliText.Count(count, "image") + " in " + CliText.Count(languages, "language"));
    }

    private static string Handlers(JObject sb)
    {
        var handlers = sb.DistinctProperties.Where(h => h.Value is JObject).Select(h => h.Name).ToList();
        return "handlers: " + (handlers.Count == 0 ? "none" : string.Join(", ", handlers));
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>A required logo and what the widget has at its path.</summary>
/// <param name="Spec">The requirement.</param>
/// <param name="Present">Whether the file exists.</param>
/// <param name="Width">Actual width (0 when unknown).</param>
/// <param name="Height">Actual height (0 when unknown).</param>
/// <param name="Bytes">File size.</param>
/// <param name="Format">The format found in the bytes.</param>
public sealed record LogoRow(LogoSpec Spec, bool Present, int Width, int Height, long Bytes, ImageFormat Format)
{
    /// <summary>True when the file is a PNG of the exact size and within the size limit.</summary>
    public bool Ok => Present && Format == ImageFormat.Png && Width == Spec.Width && Height == Spec.Height && Bytes <= LogoSpec.MaxImageBytes;

    /// <summary>The five required logos, plus the DP logo when the widget uses Digital Pipeline or ships the file.</summary>
    public static IReadOnlyList<LogoRow> Read(Widget widget)
    {
        var specs = LogoSpec.Required.ToList();
        if (widget.Manifest?.HasLocation("digital_pipeline") == true || widget.HasFile(LogoSpec.DigitalPipeline.Path))
            specs.Add(LogoSpec.DigitalPipeline);
        return specs.Select(spec =>
        {
            var file = widget.GetFile(spec.Path);
            if (file is null) return new LogoRow(spec, false, 0, 0, 0, ImageFormat.Unknown);
            var image = widget.Images.GetValueOrDefault(spec.Path) ?? ImageInfo.Read(file.Content.Span);
            return new LogoRow(spec, true, image.Width, image.Height, file.Length, image.Format);
        }).ToList();
    }
}
