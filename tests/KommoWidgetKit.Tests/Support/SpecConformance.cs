using System.Text.RegularExpressions;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Checks a widget against the spec directly (not only through the rules that exist today), so generated
/// widgets stay right as rules are added: i18n keys, logo sizes, location blocks, callbacks, scoped CSS, encodings.</summary>
public static partial class SpecConformance
{
    public static void AssertConforms(Widget widget)
    {
        var manifest = widget.Manifest;
        Assert.NotNull(manifest);
        Assert.True(manifest.Json.IsClean, string.Join("; ", manifest.Json.Issues.Select(i => i.Detail)));
        var root = manifest.Root!;
        var w = manifest.WidgetBlock!;
        foreach (var key in new[] { "name", "description", "short_description", "version" }) Assert.IsType<JString>(w[key]);
        Assert.Equal("2", Assert.IsType<JNumber>(w["interface_version"]).Raw);
        Assert.IsType<JBoolean>(w["installation"]);
        Assert.NotNull(root.GetObject("settings"));
        Assert.NotNull(w.GetObject("support")?.GetString("link"));
        Assert.True(root.GetObject("tour")?["is_tour"] is JBoolean { Value: true });

        // i18n: one file per locale, same keys everywhere, every manifest key resolves, leaves are non-empty strings.
        var locales = manifest.Locales;
        Assert.Equal(locales.OrderBy(l => l), widget.I18n.Select(d => d.Locale).OrderBy(l => l));
        var keySets = widget.I18n.Select(d => string.Join("|", d.Leaves().Select(l => l.Key).OrderBy(k => k, StringComparer.Ordinal))).Distinct().ToList();
        Assert.Single(keySets);
        foreach (var doc in widget.I18n)
        {
            Assert.True(doc.Json.IsClean);
            foreach (var (key, node) in doc.Leaves()) Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<JString>(node).Value), key);
            foreach (var reference in manifest.I18nReferences()) Assert.True(doc.Resolve(reference.Key) is JString, $"{doc.Locale}: {reference.Key}");
            Assert.True(((JString)doc.Resolve("widget.name")!).Value.Length <= 30);
            Assert.True(((JString)doc.Resolve("widget.short_description")!).Value.Length <= 50);
            Assert.True(((JString)doc.Resolve("widget.description")!).Value.Length <= 400);
        }

        // Images: exact logo sizes, PNG, ≤ 300 KB; tour images 1188×616 per locale.
        var logos = LogoSpec.Required.ToList();
        if (manifest.HasLocation("digital_pipeline")) logos.Add(LogoSpec.DigitalPipeline);
        else Assert.False(widget.HasFile(LogoSpec.DigitalPipeline.Path));
        foreach (var logo in logos)
        {
            var info = widget.Images[logo.Path];
            Assert.Equal((ImageFormat.Png, logo.Width, logo.Height, (string?)null), (info.Format, info.Width, info.Height, info.Problem));
        }
        foreach (var image in widget.Images) Assert.True(widget.GetFile(image.Key)!.Length <= LogoSpec.MaxImageBytes);
        var tourImages = root.GetObject("tour")!.GetObject("tour_images")!;
        foreach (var locale in locales)
        {
            foreach (var item in tourImages.GetArray(locale)!.Items)
            {
                var info = widget.Images[((JString)item).Value.TrimStart('/')];
                Assert.Equal((LogoSpec.TourWidth, LogoSpec.TourHeight), (info.Width, info.Height));
            }
        }

        // Location blocks: present exactly when their location is.
        AssertBlock(root, "dp", manifest.HasLocation("digital_pipeline"));
        if (root.GetObject("dp") is { } dp) Assert.IsType<JBoolean>(dp["action_multiple"]);
        AssertBlock(root, "advanced", manifest.HasLocation("advanced_settings"));
        AssertBlock(root, "salesbot_designer", manifest.HasLocation("salesbot_designer"));
        AssertBlock(root, "sms", manifest.HasLocation("sms"));
        AssertBlock(root, "mobile", manifest.HasLocation("mobile_card"));
        AssertBlock(root, "left_menu", manifest.HasLocation("widget_page"));
        if (manifest.HasLocation("ai_agent"))
            foreach (var doc in widget.I18n) Assert.True(doc.Resolve("widget.ai_agent_description") is JString { Value.Length: > 0 and <= 100 });

        // script.js: parses, AMD, callbacks exactly the core ones plus those of the locations.
        var script = widget.Script;
        Assert.NotNull(script);
        Assert.Null(script.SyntaxError);
        Assert.NotNull(script.DefineCall);
        Assert.Equal(CallbacksShape.Literal, script.Callbacks!.Shape);
        var expected = new HashSet<string>(LocationCatalog.CoreCallbacks) { "destroy" };
        foreach (var l in manifest.Locations) foreach (var cb in l.Info!.Callbacks) expected.Add(cb);
        var actual = script.Callbacks.Members.Where(c => c.IsFunction).Select(c => c.Name).ToHashSet();
        Assert.Equal(expected.OrderBy(x => x), actual.OrderBy(x => x));
        Assert.Contains("/style.css?v=", script.Text);
        Assert.DoesNotContain("console.", script.Text);
        Assert.DoesNotContain("eval(", script.Text);

        // style.css: every selector scoped under the widget's root class.
        var css = widget.GetFile("style.css");
        Assert.NotNull(css);
        string cssText = KommoWidgetKit.Parsing.TextAnalysis.Decode(css.Content.Span);
        string noComments = CssComment().Replace(cssText, "");
        var scopes = CssSelectors().Matches(noComments).SelectMany(m => m.Groups[1].Value.Split(',')).Select(s => s.Trim()).ToList();
        Assert.NotEmpty(scopes);
        string rootClass = scopes[0].Split(' ')[0];
        Assert.EndsWith("-widget", rootClass);
        Assert.All(scopes, s => Assert.True(s == rootClass || s.StartsWith(rootClass + " ", StringComparison.Ordinal), s));

        // Templates well formed; every text file UTF-8 without BOM, LF only.
        foreach (var t in widget.Templates) Assert.Empty(t.Issues);
        foreach (var (path, info) in widget.TextFiles)
        {
            Assert.False(info.HasBom, path);
            Assert.True(info.IsValidUtf8, path);
            Assert.Equal(0, info.CrLfCount);
        }
    }

    private static void AssertBlock(JObject root, string key, bool expected) =>
        Assert.True(root.Has(key) == expected, $"block '{key}' expected {(expected ? "present" : "absent")}");

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"([^{}]+)\{[^}]*\}")]
    private static partial Regex CssSelectors();
}
