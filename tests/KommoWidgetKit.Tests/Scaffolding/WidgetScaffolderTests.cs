using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Scaffolding;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Scaffolding;

public class WidgetScaffolderTests
{
    public static TheoryData<string, string, string, string> Combinations => new()
    {
        // platform, locales ("" = default), locations, settings (';'-separated)
        { "kommo", "", "lcard-1,settings", "" },
        { "kommo", "en,es,pt,tr,id", "lcard-1,ccard-1,comcard-0,settings", "api_key:text:required;secret:pass" },
        { "kommo", "en,es", "llist-1,clist-0,tlist-1,settings", "agents:users;logins:users_lp" },
        { "kommo", "pt", "settings,advanced_settings", "config:custom:required" },
        { "kommo", "en", "digital_pipeline,settings", "token:text:required" },
        { "kommo", "en,es", "salesbot_designer,settings", "" },
        { "kommo", "en", "lcard-0,card_sdk,settings", "" },
        { "kommo", "en", "catalogs,lead_sources,settings", "" },
        { "kommo", "en,pt", "sms,mobile_card,settings", "" },
        { "kommo", "en", "everywhere,website_chat_button,ai_agent", "" },
        { "amocrm", "", "lcard-1,settings", "" },
        { "amocrm", "ru,en,es,pt", "ccard-1,clist-1,digital_pipeline,advanced_settings,salesbot_designer,settings", "note:text" },
    };

    private static ScaffoldOptions Options(string platform, string locales, string locations, string settings)
    {
        Assert.True(Locales.TryParsePlatform(platform, out var p));
        return new ScaffoldOptions
        {
            Name = "test-widget",
            Platform = p,
            Locales = locales.Length == 0 ? null : locales.Split(','),
            Locations = locations.Split(','),
            Settings = settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ScaffoldSetting.Parse).ToList(),
        };
    }

    private static void AssertClean(Widget widget, WidgetProfile profile)
    {
        var result = WidgetValidator.Validate(widget, new ValidationOptions { Profile = profile });
        Assert.True(result.Diagnostics.Count == 0,
            $"{profile}: " + string.Join("\n", result.Diagnostics.Select(d => $"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}")));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Generated_widgets_validate_clean_under_both_profiles(string platform, string locales, string locations, string settings)
    {
        using var tmp = new TempFolder();
        var result = WidgetScaffolder.Write(Options(platform, locales, locations, settings), tmp.Combine("w"));
        var widget = WidgetLoader.Load(result.Directory);
        Assert.Empty(widget.LoadIssues);
        AssertClean(widget, WidgetProfile.Private);
        AssertClean(widget, WidgetProfile.Public);
        SpecConformance.AssertConforms(widget);
        Assert.Equal(platform == "amocrm" ? WidgetPlatform.AmoCrm : WidgetPlatform.Kommo,
            WidgetValidator.Validate(widget).Platform);
    }

    [Fact]
    public void The_left_menu_page_validates_clean_as_a_public_integration()
    {
        // widget_page exists only for public integrations, so it is checked under the public profile.
        using var tmp = new TempFolder();
        var result = WidgetScaffolder.Write(Options("kommo", "en,es", "widget_page,settings", ""), tmp.Combine("w"));
        var widget = WidgetLoader.Load(result.Directory);
        AssertClean(widget, WidgetProfile.Public);
        SpecConformance.AssertConforms(widget);
    }

    [Fact]
    public void Every_location_at_once_validates_clean_and_packs()
    {
        var all = new[] { "lcard-1", "ccard-1", "comcard-1", "llist-1", "clist-1", "tlist-1", "settings", "advanced_settings", "card_sdk",
            "catalogs", "digital_pipeline", "lead_sources", "widget_page", "sms", "mobile_card", "salesbot_designer", "website_chat_button", "ai_agent", "everywhere" };
        var files = WidgetScaffolder.Generate(new ScaffoldOptions { Name = "All In One", Locales = ["en", "es", "pt"], Locations = all, Settings = [new("config", "custom")] });
        var widget = WidgetLoader.FromFiles(files.Select(f => KeyValuePair.Create(f.Path, f.Content)));
        AssertClean(widget, WidgetProfile.Public);
        SpecConformance.AssertConforms(widget);
        var shipped = KommoWidgetKit.Packaging.WidgetPacker.SelectFiles(widget).Included.Select(f => f.Path).ToList();
        Assert.DoesNotContain("README.md", shipped);
        Assert.DoesNotContain(WidgetConfig.FileName, shipped);
        Assert.Contains("templates/block.twig", shipped);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var options = Options("kommo", "en,es", "lcard-1,settings,digital_pipeline", "a:text");
        var a = WidgetScaffolder.Generate(options);
        var b = WidgetScaffolder.Generate(options);
        Assert.Equal(a.Select(f => f.Path), b.Select(f => f.Path));
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Theory]
    [InlineData("hello-kommo", "hello_kommo", "Hello Kommo")]
    [InlineData("My Widget 2", "my_widget_2", "My Widget 2")]
    [InlineData("2fast", "w2fast", "2fast")]
    [InlineData("__x__", "x", "X")]
    public void Names_give_codes_and_display_names(string name, string code, string display)
    {
        Assert.Equal(code, WidgetScaffolder.ToCode(name));
        Assert.Equal(display, WidgetScaffolder.ToDisplayName(name));
    }

    [Theory]
    [InlineData("kommo", "ru", "lcard-1", "", "not available on Kommo")]
    [InlineData("kommo", "en", "lcard", "", "needs -1")]
    [InlineData("kommo", "en", "settings-1", "", "takes no -0/-1")]
    [InlineData("kommo", "en", "lcard-0,lcard-1", "", "listed twice")]
    [InlineData("kommo", "en", "kanban", "", "unknown location")]
    [InlineData("kommo", "en", "card_sdk,settings", "", "card_sdk needs")]
    [InlineData("kommo", "en", "amoforms", "", "only on amoCRM")]
    [InlineData("kommo", "en", "lcard-1", "c:custom", "needs the 'settings' location")]
    [InlineData("kommo", "en", "settings", "a:custom;b:custom", "only one 'custom'")]
    [InlineData("kommo", "en", "settings", "a:text;a:pass", "given twice")]
    public void Invalid_requests_are_refused(string platform, string locales, string locations, string settings, string message)
    {
        var ex = Assert.Throws<ScaffoldException>(() => WidgetScaffolder.Generate(Options(platform, locales, locations, settings)));
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("api_key:text:required", "api_key", "text", true)]
    [InlineData("who:users", "who", "users", false)]
    [InlineData("x:pass:optional", "x", "pass", false)]
    public void Setting_specs_parse(string spec, string code, string type, bool required) =>
        Assert.Equal(new ScaffoldSetting(code, type, required), ScaffoldSetting.Parse(spec));

    [Theory]
    [InlineData("api_key")]
    [InlineData("api_key:checkbox")]
    [InlineData("Api:text")]
    [InlineData("a:text:yes")]
    public void Bad_setting_specs_are_refused(string spec) => Assert.Throws<ScaffoldException>(() => ScaffoldSetting.Parse(spec));

    [Fact]
    public void A_non_empty_folder_is_refused_unless_forced()
    {
        using var tmp = new TempFolder();
        string folder = tmp.Combine("w");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var options = Options("kommo", "", "lcard-1,settings", "");
        var ex = Assert.Throws<ScaffoldException>(() => WidgetScaffolder.Write(options, folder));
        Assert.Contains("not empty", ex.Message);
        Assert.False(File.Exists(Path.Combine(folder, "manifest.json")));

        WidgetScaffolder.Write(options, folder, force: true);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void Logos_have_a_transparent_margin_and_an_opaque_tile()
    {
        var png = PlaceholderArt.Logo(84, 84, 'a', 0x336699, 4);
        var info = ImageInfo.Read(png);
        Assert.Equal((ImageFormat.Png, 84, 84), (info.Format, info.Width, info.Height));
        using var bitmap = TestImages.Decode(png);
        Assert.Equal(0, bitmap.GetPixel(1, 1).Alpha);                                   // margin
        Assert.Equal(new SkiaSharp.SKColor(0x33, 0x66, 0x99, 255), bitmap.GetPixel(12, 42)); // tile, left of the letter
        Assert.Equal(SkiaSharp.SKColors.White, bitmap.GetPixel(42, 42));                  // the A's bar across the middle
        Assert.Equal(PlaceholderArt.ColorFor("abc"), PlaceholderArt.ColorFor("abc"));
    }

    [Fact]
    public void The_tour_image_is_opaque_and_has_the_tile_in_the_middle()
    {
        var png = PlaceholderArt.Tour(LogoSpec.TourWidth, LogoSpec.TourHeight, 'h', 0x2F6FDE);
        using var bitmap = TestImages.Decode(png);
        Assert.Equal((LogoSpec.TourWidth, LogoSpec.TourHeight), (bitmap.Width, bitmap.Height));
        Assert.Equal(255, bitmap.GetPixel(0, 0).Alpha);
        Assert.Equal(new SkiaSharp.SKColor(0x2F, 0x6F, 0xDE, 255), bitmap.GetPixel(LogoSpec.TourWidth / 2 - 130, LogoSpec.TourHeight / 2));
        Assert.True(png.Length < LogoSpec.MaxImageBytes);
    }

    [Fact]
    public void Placeholder_pngs_are_byte_identical_for_the_same_input()
    {
        var first = WidgetScaffolder.Generate(Options("kommo", "en", "lcard-1,settings,digital_pipeline", ""))
            .Where(f => f.Path.EndsWith(".png", StringComparison.Ordinal)).ToList();
        var again = WidgetScaffolder.Generate(Options("kommo", "en", "lcard-1,settings,digital_pipeline", ""))
            .Where(f => f.Path.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, first.Count); // six logos and the tour image
        Assert.All(first.Zip(again), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Path));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void The_typescript_template_has_the_same_widget_files_under_widget_and_the_code_in_src(string platform, string locales, string locations, string settings)
    {
        var js = WidgetScaffolder.Generate(Options(platform, locales, locations, settings)).ToDictionary(f => f.Path, f => f.Content);
        var ts = WidgetScaffolder.Generate(Options(platform, locales, locations, settings) with { Template = ScaffoldTemplate.Ts }).ToDictionary(f => f.Path, f => f.Content);
        string[] own = ["src/index.ts", "types/kommo.d.ts", "package.json", "tsconfig.json", ".gitignore", "README.md"];
        Assert.Equal(own.Order(StringComparer.Ordinal), ts.Keys.Where(k => !k.StartsWith("widget/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var staticFiles = js.Keys.Where(k => k is not ("script.js" or "README.md")).ToList();
        Assert.Equal(staticFiles.Order(StringComparer.Ordinal), ts.Keys.Where(k => k.StartsWith("widget/", StringComparison.Ordinal)).Select(k => k["widget/".Length..]).Order(StringComparer.Ordinal));
        foreach (var path in staticFiles)
        {
            string expected = System.Text.Encoding.UTF8.GetString(js[path]);
            string actual = System.Text.Encoding.UTF8.GetString(ts["widget/" + path]);
            if (path.StartsWith("i18n/", StringComparison.Ordinal)) expected = expected.Replace("script.js", "src/index.ts");
            if (path.EndsWith(".png", StringComparison.Ordinal)) Assert.Equal(js[path], ts["widget/" + path]);
            else Assert.Equal(expected, actual);
        }
        // Every callback of the JavaScript scaffold is in the TypeScript one, as a method.
        string index = System.Text.Encoding.UTF8.GetString(ts["src/index.ts"]);
        foreach (var cb in new[] { "render", "init", "bind_actions", "destroy" })
            Assert.Contains("    " + cb + "() {", index);
        Assert.StartsWith("// ", index);
        Assert.Contains("export default function TestWidget(this: Kommo.Widget", index);
        Assert.Contains("\"esbuild\": \"0.28.2\"", System.Text.Encoding.UTF8.GetString(ts["package.json"]));
    }

    [Fact]
    public void The_javascript_template_is_the_default()
    {
        var options = new ScaffoldOptions { Name = "w" };
        Assert.Equal(ScaffoldTemplate.Js, options.Template);
        Assert.Equal(WidgetScaffolder.Generate(options).Select(f => f.Path), WidgetScaffolder.Generate(options with { Template = ScaffoldTemplate.Js }).Select(f => f.Path));
        Assert.Contains(WidgetScaffolder.Generate(options), f => f.Path == "script.js");
    }
}
