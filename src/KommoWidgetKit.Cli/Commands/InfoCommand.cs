using System.CommandLine;
using System.Text.Json;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget info PATH</c>: what a widget declares and what <c>pack</c> would ship.</summary>
public static class InfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = CommandInput.WidgetPathArgument();
        var format = CommandInput.Choice<ReportFormat>("--format", "Output format: text for people, json for scripts (default: text)",
            ["text", "json"], (string? text, out ReportFormat value) => ReportFormatNames.TryParse(text, out value) && value is ReportFormat.Text or ReportFormat.Json);
        format.Aliases.Add("-f");
        var command = new Command("info",
            "Show what a widget declares (names, locales, locations, settings, blocks, logos) and which files pack would ship or leave out, and why.")
        {
            path, format,
        };
        command.SetAction(parse =>
        {
            string widgetPath = CommandInput.GetPath(parse, path);
            // A source project: what its last build in dist/ declares and what pack would ship from it.
            var widget = Building.WidgetProject.Find(widgetPath) is { } project
                ? SourceProjects.LoadOutput(console, project, widgetPath, "info")
                : CommandInput.LoadWidget(widgetPath);
            var info = WidgetInfo.From(widget, ReportSource.NormalizeDisplayPath(widgetPath), WidgetPacker.SelectFiles(widget));
            if (parse.GetValue(format) == ReportFormat.Json) WriteJson(console.Out, info);
            else WriteText(console.Out, info);
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Writes the text form.</summary>
    public static void WriteText(TextWriter o, WidgetInfo info)
    {
        void Row(string label, string value) => o.Write($"  {label,-10} {value}\n");

        o.Write($"{info.Source} ({(info.SourceKind == WidgetSourceKind.Zip ? "zip archive" : "folder")})\n");
        if (!info.HasManifest) o.Write("  manifest.json is missing or is not a JSON object; run 'kommo-widget validate' for details\n");
        if (info.Names.Count == 0) Row("name", info.NameKey ?? "(none)");
        for (int i = 0; i < info.Names.Count; i++)
        {
            var (locale, name) = info.Names[i];
            Row(i == 0 ? "name" : "", $"{locale}: {name ?? $"(\"{info.NameKey}\" is not in i18n/{locale}.json)"}");
        }
        Row("version", info.Version ?? "(none)");
        Row("code", info.Code ?? "(none; Kommo assigns the widget code at upload)");
        Row("platform", $"{WidgetReporter.PlatformName(info.Platform)} ({info.PlatformReason})");
        string locales = info.Locales.Count == 0 ? "(none declared)"
            : string.Join(", ", info.Locales.Select(l => l.HasFile ? l.Locale : l.Locale + " (no i18n file)"));
        if (info.UndeclaredI18n.Count > 0) locales += "; undeclared i18n files: " + string.Join(", ", info.UndeclaredI18n);
        Row("locales", locales);

        o.Write($"locations ({info.Locations.Count})\n");
        int width = info.Locations.Select(l => l.Entry.Length).DefaultIfEmpty(0).Max();
        foreach (var l in info.Locations)
            o.Write($"  {l.Entry.PadRight(width)}  {l.Meaning ?? "?"}: {l.PanelNote}{(l.Legacy ? " (legacy)" : "")}\n");

        o.Write($"settings ({info.Settings.Count})\n");
        width = info.Settings.Select(s => s.Code.Length).DefaultIfEmpty(0).Max();
        foreach (var s in info.Settings)
        {
            string label = s.Labels.FirstOrDefault() is var (loc, text) && loc is not null ? (text is null ? $"\"{s.LabelKey}\" (not in {loc})" : $"\"{text}\"") : s.LabelKey ?? "";
            o.Write($"  {s.Code.PadRight(width)}  {s.Type ?? "?"}{(s.Required ? ", required" : "")}  {label}\n");
        }

        o.Write($"blocks ({info.Blocks.Count})\n");
        width = info.Blocks.Select(b => b.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var b in info.Blocks) o.Write($"  {b.Name.PadRight(width)}  {b.Summary}\n");

        o.Write("logos\n");
        width = info.Logos.Select(l => l.Spec.Path.Length).Max();
        foreach (var l in info.Logos)
        {
            string needs = $"{l.Spec.Width}×{l.Spec.Height} PNG";
            string state = !l.Present ? $"missing  needs {needs}"
                : $"{(l.Width > 0 ? $"{l.Width}×{l.Height}" : "size unknown")} {FormatName(l.Format)}, {CliText.Bytes(l.Bytes)}{(l.Ok ? "" : $"  needs {needs} ≤ {LogoSpec.MaxImageBytes / 1024} KB")}";
            o.Write($"  {l.Spec.Path.PadRight(width)}  {(l.Ok ? "ok " : "BAD")}  {state}  ({l.Spec.Purpose})\n");
        }

        o.Write($"files pack would ship ({CliText.Count(info.Pack.Included.Count, "file")}, {CliText.Bytes(info.Pack.TotalSize)})\n");
        CliText.WriteFiles(o, info.Pack.Included.Select(f => (f.Path, f.Length)));
        CliText.WriteExcluded(o, info.Pack.Excluded);
    }

    /// <summary>Writes the JSON form.</summary>
    public static void WriteJson(TextWriter writer, WidgetInfo info) => JsonOutput.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteString("source", info.Source);
        json.WriteString("sourceKind", info.SourceKind == WidgetSourceKind.Zip ? "zip" : "folder");
        json.WriteBoolean("hasManifest", info.HasManifest);
        WriteStringOrNull(json, "nameKey", info.NameKey);
        json.WriteStartObject("names");
        foreach (var (locale, name) in info.Names) WriteStringOrNull(json, locale, name);
        json.WriteEndObject();
        WriteStringOrNull(json, "version", info.Version);
        WriteStringOrNull(json, "code", info.Code);
        json.WriteStartObject("platform");
        json.WriteString("name", WidgetReporter.PlatformName(info.Platform));
        json.WriteString("reason", info.PlatformReason);
        json.WriteEndObject();

        WriteArray(json, "locales", info.Locales, l =>
        {
            json.WriteString("code", l.Locale);
            json.WriteBoolean("hasI18nFile", l.HasFile);
        });
        json.WriteStartArray("undeclaredI18n");
        foreach (var l in info.UndeclaredI18n) json.WriteStringValue(l);
        json.WriteEndArray();

        WriteArray(json, "locations", info.Locations, l =>
        {
            json.WriteString("entry", l.Entry);
            json.WriteString("area", l.Area);
            WriteStringOrNull(json, "meaning", l.Meaning);
            json.WriteBoolean("known", l.Meaning is not null);
            json.WriteBoolean("rightPanel", l.RightPanel);
            json.WriteBoolean("legacy", l.Legacy);
        });

        WriteArray(json, "settings", info.Settings, s =>
        {
            json.WriteString("code", s.Code);
            WriteStringOrNull(json, "type", s.Type);
            json.WriteBoolean("required", s.Required);
            WriteStringOrNull(json, "labelKey", s.LabelKey);
            json.WriteStartObject("labels");
            foreach (var (locale, label) in s.Labels) WriteStringOrNull(json, locale, label);
            json.WriteEndObject();
        });

        WriteArray(json, "blocks", info.Blocks, b =>
        {
            json.WriteString("name", b.Name);
            json.WriteString("summary", b.Summary);
        });

        WriteArray(json, "logos", info.Logos, l =>
        {
            json.WriteString("path", l.Spec.Path);
            json.WriteString("purpose", l.Spec.Purpose);
            json.WriteNumber("requiredWidth", l.Spec.Width);
            json.WriteNumber("requiredHeight", l.Spec.Height);
            json.WriteBoolean("present", l.Present);
            WriteStringOrNull(json, "format", l.Present ? FormatName(l.Format) : null);
            WriteNumberOrNull(json, "width", l.Present ? l.Width : null);
            WriteNumberOrNull(json, "height", l.Present ? l.Height : null);
            WriteNumberOrNull(json, "bytes", l.Present ? l.Bytes : null);
            json.WriteBoolean("ok", l.Ok);
        });

        json.WriteStartObject("pack");
        json.WriteNumber("fileCount", info.Pack.Included.Count);
        json.WriteNumber("totalBytes", info.Pack.TotalSize);
        WriteArray(json, "files", info.Pack.Included, f =>
        {
            json.WriteString("path", f.Path);
            json.WriteNumber("bytes", f.Length);
        });
        WriteArray(json, "excluded", info.Pack.Excluded, e =>
        {
            json.WriteString("path", e.Path);
            json.WriteString("reason", e.Reason);
        });
        json.WriteEndObject();
        json.WriteEndObject();
    });

    // An array of objects, one per item; write fills in each object's properties.
    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteNumber(name, value.Value);
    }

    private static string FormatName(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpeg",
        ImageFormat.Gif => "gif",
        ImageFormat.WebP => "webp",
        ImageFormat.Svg => "svg",
        _ => "unknown",
    };
}
