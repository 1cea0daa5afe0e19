using System.Globalization;
using System.Text;
using KommoWidgetKit.Scaffolding;
using SkiaSharp;

namespace KommoWidgetKit.Benchmarks;

/// <summary>Generates the same large widget (about 5 MB in 200 files) on every run: a scaffolded widget plus JS
/// modules, CSS, Twig templates, JSON data and hard-to-compress images, all from a fixed-seed generator.</summary>
public static class LargeWidget
{
    public const string Name = "large-widget";

    public static IReadOnlyList<ScaffoldFile> Files()
    {
        var rng = new XorShift(0x5EED_2024);
        var files = WidgetScaffolder.Generate(new ScaffoldOptions
        {
            Name = Name,
            Locales = ["en", "es", "pt"],
            Locations = ["lcard-1", "ccard-1", "llist-1", "settings", "advanced_settings"],
            Settings = [new("api_key", "text", true), new("agents", "users")],
        }).ToList();
        for (int i = 0; i < 60; i++) files.Add(new($"js/module_{i:D3}.js", Utf8(Script(rng, i, 20_000))));
        for (int i = 0; i < 40; i++) files.Add(new($"css/part_{i:D3}.css", Utf8(Css(rng, i, 10_000))));
        for (int i = 0; i < 40; i++) files.Add(new($"templates/parts/part_{i:D3}.twig", Utf8(Twig(rng, i, 8_000))));
        for (int i = 0; i < 40; i++) files.Add(new($"images/gallery/picture_{i:D3}.png", Picture(rng, 120, 100)));
        for (int i = 0; i < 17; i++) files.Add(new($"data/table_{i:D3}.json", Utf8(Json(rng, i, 72_000))));
        return files;
    }

    /// <summary>A JavaScript-heavy widget: the scaffold plus 190 plain AMD modules of about 18 KB each (3.5 MB of valid
    /// code that every script rule looks at), the shape of a widget built from many source modules.</summary>
    public static IReadOnlyList<ScaffoldFile> JsHeavyFiles()
    {
        var rng = new XorShift(0x0A3D_2026);
        var files = WidgetScaffolder.Generate(new ScaffoldOptions
        {
            Name = "js_heavy_widget",
            Locales = ["en"],
            Locations = ["lcard-1", "settings"],
        }).ToList();
        for (int i = 0; i < 190; i++) files.Add(new($"js/module_{i:D3}.js", Utf8(Script(rng, i, 18_400))));
        return files;
    }

    /// <summary>Writes the widget into <paramref name="folder"/> (which is emptied first).</summary>
    public static long WriteTo(string folder) => WriteTo(folder, Files());

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/> (which is emptied first).</summary>
    public static long WriteTo(string folder, IReadOnlyList<ScaffoldFile> files)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        long total = 0;
        foreach (var f in files)
        {
            string path = Path.Combine(folder, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, f.Content);
            total += f.Content.Length;
        }
        return total;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly string[] Words = ["lead", "contact", "company", "task", "pipeline", "status", "price", "user", "note", "field", "value", "event", "stage", "deal", "phone", "email"];

    private static string Word(XorShift rng) => Words[rng.Next(Words.Length)];

    private static string Script(XorShift rng, int index, int size)
    {
        var s = new StringBuilder();
        s.Append("define(['jquery', 'underscore'], function ($, _) {\n  'use strict';\n\n  var module = {};\n\n");
        int n = 0;
        while (s.Length < size)
        {
            string name = Word(rng) + "_" + Word(rng) + "_" + n++;
            s.Append(CultureInfo.InvariantCulture, $"  // Computes the {Word(rng)} {Word(rng)} for module {index}.\n");
            s.Append(CultureInfo.InvariantCulture, $"  module.{name} = function (items, limit) {{\n");
            s.Append(CultureInfo.InvariantCulture, $"    var total = {rng.Next(1000)};\n");
            s.Append("    _.each(items, function (item) {\n");
            s.Append(CultureInfo.InvariantCulture, $"      if (item.{Word(rng)} > {rng.Next(500)} && total < limit) {{\n");
            s.Append(CultureInfo.InvariantCulture, $"        total += item.{Word(rng)} * {rng.Next(97) + 1};\n");
            s.Append("      }\n    });\n");
            s.Append(CultureInfo.InvariantCulture, $"    return $.extend({{ total: total, label: '{Word(rng)} {Word(rng)} {rng.Next(10000)}' }}, items[0] || {{}});\n");
            s.Append("  };\n\n");
        }
        s.Append("  return module;\n});\n");
        return s.ToString();
    }

    private static string Css(XorShift rng, int index, int size)
    {
        var s = new StringBuilder();
        while (s.Length < size)
        {
            s.Append(CultureInfo.InvariantCulture, $".large_widget-widget .large_widget-widget__{Word(rng)}-{index}-{rng.Next(1000)} {{\n");
            s.Append(CultureInfo.InvariantCulture, $"  margin: {rng.Next(20)}px {rng.Next(20)}px;\n  padding: {rng.Next(12)}px;\n  opacity: 0.{rng.Next(9) + 1};\n}}\n\n");
        }
        return s.ToString();
    }

    private static string Twig(XorShift rng, int index, int size)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<div class=\"large_widget-widget large_widget-widget__part-{index}\">\n");
        while (s.Length < size)
        {
            string w = Word(rng);
            s.Append(CultureInfo.InvariantCulture, $"  {{% if {w}_{rng.Next(100)} %}}\n    <p class=\"large_widget-widget__{w}\">{{{{ {w}.{Word(rng)}|default('{Word(rng)}') }}}} {rng.Next(100000)}</p>\n  {{% endif %}}\n");
        }
        s.Append("</div>\n");
        return s.ToString();
    }

    private static string Json(XorShift rng, int index, int size)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{{\n  \"table\": {index},\n  \"rows\": [\n");
        bool first = true;
        while (s.Length < size)
        {
            if (!first) s.Append(",\n");
            first = false;
            s.Append(CultureInfo.InvariantCulture, $"    {{ \"id\": {rng.Next(1_000_000)}, \"{Word(rng)}\": \"{Word(rng)} {rng.Next(100000)}\", \"price\": {rng.Next(100000)}.{rng.Next(100):D2} }}");
        }
        s.Append("\n  ]\n}\n");
        return s.ToString();
    }

    private static byte[] Picture(XorShift rng, int width, int height)
    {
        // Noise over a gradient: close to incompressible, like real photos.
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                uint n = (uint)rng.Next(int.MaxValue);
                int o = y * bitmap.RowBytes + x * 4;
                pixels[o] = (byte)(x * 2 + (n & 0x3F));
                pixels[o + 1] = (byte)(y * 2 + ((n >> 6) & 0x3F));
                pixels[o + 2] = (byte)(n >> 12);
                pixels[o + 3] = 0xFF;
            }
        }
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("PNG encoding failed");
        return data.ToArray();
    }

    private sealed class XorShift(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int max)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return (int)(_state % (ulong)max);
        }
    }
}
