using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Builds in-memory widgets for tests: start from a complete, clean widget and change what the test is about.</summary>
public sealed class TestWidget
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public const string ValidManifest = """
        {
          "widget": {
            "name": "widget.name",
            "description": "widget.description",
            "short_description": "widget.short_description",
            "version": "1.0.0",
            "interface_version": 2,
            "init_once": false,
            "locale": ["en", "es"],
            "installation": true,
            "support": { "link": "https://example.com/support", "email": "support@example.com" }
          },
          "locations": ["lcard-1", "settings"],
          "tour": {
            "is_tour": true,
            "tour_images": { "en": ["/images/tour_1_en.jpg"], "es": ["/images/tour_1_es.jpg"] },
            "tour_description": "widget.tour_description"
          },
          "settings": {
            "api_key": { "name": "settings.api_key", "type": "text", "required": true }
          }
        }
        """;

    public const string ValidI18nEn = """
        {
          "widget": {
            "name": "Test Widget",
            "description": "Shows a test block in the lead card.",
            "short_description": "A test widget",
            "tour_description": "How it works"
          },
          "settings": { "api_key": "API key" }
        }
        """;

    public const string ValidI18nEs = """
        {
          "widget": {
            "name": "Widget de prueba",
            "description": "Muestra un bloque de prueba en la tarjeta.",
            "short_description": "Un widget de prueba",
            "tour_description": "Cómo funciona"
          },
          "settings": { "api_key": "Clave API" }
        }
        """;

    public const string ValidScript = """
        define(['jquery'], function ($) {
          var CustomWidget = function () {
            var self = this;
            this.callbacks = {
              render: function () {
                self.render_template({ caption: { class_name: 'test-widget' }, body: '', render: '<div>' + self.i18n('widget').name + '</div>' });
                return true;
              },
              init: function () { return true; },
              bind_actions: function () { return true; },
              settings: function ($modal_body) { return true; },
              onSave: function () { return true; },
              destroy: function () {}
            };
            return this;
          };
          return CustomWidget;
        });
        """;

    /// <summary>A widget that validates with no findings under both profiles.</summary>
    public static TestWidget Valid()
    {
        var w = new TestWidget();
        w.Set("manifest.json", ValidManifest);
        w.Set("i18n/en.json", ValidI18nEn);
        w.Set("i18n/es.json", ValidI18nEs);
        w.Set("script.js", ValidScript);
        foreach (var logo in LogoSpec.Required) w.Set(logo.Path, Png(logo.Width, logo.Height));
        w.Set("images/tour_1_en.jpg", Jpeg(LogoSpec.TourWidth, LogoSpec.TourHeight));
        w.Set("images/tour_1_es.jpg", Jpeg(LogoSpec.TourWidth, LogoSpec.TourHeight));
        return w;
    }

    /// <summary>An empty widget (no files).</summary>
    public static TestWidget Empty() => new();

    public TestWidget Set(string path, string text) => Set(path, Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n")));

    public TestWidget Set(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return this;
    }

    public TestWidget Remove(string path)
    {
        _files.Remove(path);
        return this;
    }

    /// <summary>Edits the manifest text with a replacement (fails the test when the old text is absent).</summary>
    public TestWidget EditManifest(string oldText, string newText) => Edit("manifest.json", oldText, newText);

    public TestWidget Edit(string path, string oldText, string newText)
    {
        string text = Encoding.UTF8.GetString(_files[path]);
        Assert.Contains(oldText, text);
        _files[path] = Encoding.UTF8.GetBytes(text.Replace(oldText, newText));
        return this;
    }

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public Widget Load() => WidgetLoader.FromFiles(_files, "test");

    public ValidationResult Validate(WidgetProfile profile = WidgetProfile.Private, WidgetPlatform? platform = null) =>
        WidgetValidator.Validate(Load(), new ValidationOptions { Profile = profile, Platform = platform });

    /// <summary>Findings of one rule.</summary>
    public IReadOnlyList<Diagnostic> Findings(string id, WidgetProfile profile = WidgetProfile.Private, WidgetPlatform? platform = null) =>
        Validate(profile, platform).Diagnostics.Where(d => d.Id == id).ToList();

    /// <summary>Writes the widget into a fresh folder and returns its path.</summary>
    public string WriteTo(string folder)
    {
        foreach (var (path, bytes) in _files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return folder;
    }

    public static byte[] Png(int width, int height) => TestImages.SolidPng(width, height, 0x3366CCFFu);

    /// <summary>A minimal JPEG header (SOI, SOF0 with the size, EOI): enough for header readers.</summary>
    public static byte[] Jpeg(int width, int height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        0xFF, 0xD9,
    ];
}

/// <summary>Assertions on findings.</summary>
public static class FindingAssert
{
    /// <summary>Asserts exactly one finding of <paramref name="id"/> at the given line and column (0 = file-level) and returns it.</summary>
    public static Diagnostic Single(TestWidget widget, string id, int line, int column, WidgetProfile profile = WidgetProfile.Private, WidgetPlatform? platform = null)
    {
        var found = widget.Findings(id, profile, platform);
        var d = Assert.Single(found);
        Assert.Equal((line, column), (d.Span.StartLine, d.Span.StartColumn));
        return d;
    }

    /// <summary>Asserts exactly one finding of <paramref name="id"/> in an already loaded widget, in <paramref name="path"/> at the
    /// given line and column (0 = file-level), and returns it.</summary>
    public static Diagnostic Single(Widget widget, string id, string path, int line, int column)
    {
        var d = Assert.Single(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == id);
        Assert.Equal((path, line, column), (d.Span.Path, d.Span.StartLine, d.Span.StartColumn));
        return d;
    }

    /// <summary>Asserts no finding of <paramref name="id"/> in an already loaded widget.</summary>
    public static void None(Widget widget, string id) =>
        Assert.DoesNotContain(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == id);

    /// <summary>Asserts no finding of <paramref name="id"/>.</summary>
    public static void None(TestWidget widget, string id, WidgetProfile profile = WidgetProfile.Private, WidgetPlatform? platform = null) =>
        Assert.Empty(widget.Findings(id, profile, platform));
}
