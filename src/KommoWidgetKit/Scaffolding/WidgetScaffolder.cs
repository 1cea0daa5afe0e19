using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Scaffolding;

/// <summary>Generates a new widget that validates clean (or, with <see cref="ScaffoldTemplate.Ts"/>, a TypeScript source
/// project whose build does): manifest.json with exactly the blocks its locations need,
/// script.js with exactly their callbacks, i18n files with every key the manifest names, logos of the exact sizes,
/// tour images, a scoped style.css, a Twig template and a README.</summary>
public static class WidgetScaffolder
{
    /// <summary>Generates the files of a new widget, in path order.</summary>
    /// <exception cref="ScaffoldException">The options ask for something Kommo does not allow.</exception>
    public static IReadOnlyList<ScaffoldFile> Generate(ScaffoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = Plan.From(options);
        if (options.Template == ScaffoldTemplate.Ts) return TypeScriptProject.Generate(plan);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["manifest.json"] = Utf8(ManifestJson(plan)),
            ["script.js"] = Utf8(ScriptJs(plan)),
            ["style.css"] = Utf8(StyleCss(plan)),
            ["README.md"] = Utf8(Readme(plan)),
            [WidgetConfig.FileName] = Utf8(ConfigJson(plan)),
        };
        if (plan.UsesTemplate) files["templates/block.twig"] = Utf8(BlockTwig(plan));
        foreach (var locale in plan.Locales) files[$"i18n/{locale}.json"] = Utf8(I18nJson(plan, locale));

        char letter = plan.Code[0];
        uint color = PlaceholderArt.ColorFor(plan.Code);
        foreach (var logo in LogoSpec.Required)
            files[logo.Path] = PlaceholderArt.Logo(logo.Width, logo.Height, letter, color, MarginFor(logo));
        if (plan.Has("digital_pipeline"))
            files[LogoSpec.DigitalPipeline.Path] = PlaceholderArt.Logo(LogoSpec.DigitalPipeline.Width, LogoSpec.DigitalPipeline.Height, letter, color, MarginFor(LogoSpec.DigitalPipeline));
        var tour = PlaceholderArt.Tour(LogoSpec.TourWidth, LogoSpec.TourHeight, letter, color);
        foreach (var locale in plan.Locales) files[TourImage(locale)] = tour;
        return files.Select(f => new ScaffoldFile(f.Key, f.Value)).ToList();
    }

    /// <summary>Generates the widget and writes it into <paramref name="directory"/>, which must be missing or empty
    /// unless <paramref name="force"/> is set (then files of the same name are overwritten and others are kept).</summary>
    /// <exception cref="ScaffoldException">The folder is not empty (without force), or the options are invalid.</exception>
    public static ScaffoldResult Write(ScaffoldOptions options, string directory, bool force = false, CancellationToken cancellationToken = default)
    {
        string full = Path.GetFullPath(directory);
        if (File.Exists(full)) throw new ScaffoldException($"'{directory}' is a file, not a folder");
        if (!force && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new ScaffoldException($"'{directory}' is not empty; choose another folder or use --force to write into it");
        var files = Generate(options);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string target = Path.Combine(full, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content);
        }
        return new ScaffoldResult(full, files);
    }

    /// <summary>The widget code derived from a name: lower-case Latin letters, digits and <c>_</c>, starting with a
    /// letter (<c>Hello-Kommo 2</c> → <c>hello_kommo_2</c>); used for CSS classes and the left-menu section.</summary>
    public static string ToCode(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        string code = sb.ToString().Trim('_');
        if (code.Length == 0) throw new ScaffoldException($"'{name}' has no Latin letters or digits to make a widget code from");
        if (!char.IsAsciiLetter(code[0])) code = "w" + code;
        return code;
    }

    /// <summary>A display name derived from a name: words split at <c>-</c>, <c>_</c> and spaces, each capitalised.</summary>
    public static string ToDisplayName(string name)
    {
        var words = name.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>Whether <paramref name="code"/> is a valid settings field code.</summary>
    public static bool IsFieldCode(string code) =>
        code.Length > 0 && char.IsAsciiLetterLower(code[0]) && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    internal static int MarginFor(LogoSpec logo) => logo.Path.EndsWith("logo_main.png", StringComparison.Ordinal) ? 10 : Math.Max(2, Math.Min(logo.Width, logo.Height) / 20);

    internal static string TourImage(string locale) => $"images/tour_1_{locale}.png";

    internal static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>What the options mean once checked.</summary>
    internal sealed class Plan
    {
        public required string Code { get; init; }
        public required string Display { get; init; }
        public required ScaffoldOptions Options { get; init; }
        public required IReadOnlyList<string> Locales { get; init; }
        public required IReadOnlyList<(string Raw, string Area, int? Suffix)> Locations { get; init; }

        public string RootClass => Code + "-widget";
        public bool Has(string area) => Locations.Any(l => l.Area == area);
        public IEnumerable<string> PanelCards => Locations.Where(l => l.Suffix == 1 && LocationCatalog.Find(l.Area)!.IsCard).Select(l => l.Area);
        public bool PanelInList(string area) => Locations.Any(l => l.Area == area && l.Suffix == 1);
        public bool AnyListPanel => Locations.Any(l => l.Suffix == 1 && LocationCatalog.Find(l.Area)!.IsList);
        public bool UsesPage => Has("advanced_settings") || Has("widget_page");
        public bool UsesTemplate => PanelCards.Any() || AnyListPanel || UsesPage;
        public ScaffoldSetting? Custom => Options.Settings.FirstOrDefault(s => s.Type == "custom");

        public IReadOnlyList<string> Callbacks
        {
            get
            {
                var list = new List<string>();
                foreach (var (_, area, _) in Locations)
                    foreach (var cb in LocationCatalog.Find(area)!.Callbacks)
                        if (!list.Contains(cb)) list.Add(cb);
                return list;
            }
        }

        public static Plan From(ScaffoldOptions o)
        {
            if (string.IsNullOrWhiteSpace(o.Name)) throw new ScaffoldException("the widget needs a name");
            string code = ToCode(o.Name);
            string display = string.IsNullOrWhiteSpace(o.DisplayName) ? ToDisplayName(o.Name) : o.DisplayName.Trim();

            var allowed = Model.Locales.For(o.Platform);
            var locales = (o.Locales is { Count: > 0 } given ? given : ScaffoldOptions.DefaultLocales(o.Platform)).Select(l => l.Trim().ToLowerInvariant()).ToList();
            foreach (var l in locales)
            {
                if (!allowed.Contains(l))
                    throw new ScaffoldException($"locale '{l}' is not available on {PlatformName(o.Platform)}; use {string.Join(", ", allowed)}");
                if (!ScaffoldTexts.ByLocale.ContainsKey(l)) throw new ScaffoldException($"no starter texts for locale '{l}'");
            }
            if (locales.Distinct().Count() != locales.Count) throw new ScaffoldException("a locale is listed twice");

            if (o.Locations.Count == 0) throw new ScaffoldException("the widget needs at least one location");
            var locations = new List<(string, string, int?)>();
            foreach (var raw in o.Locations.Select(l => l.Trim()))
            {
                int dash = raw.LastIndexOf('-');
                bool suffixed = dash > 0 && raw[(dash + 1)..] is "0" or "1";
                string area = suffixed ? raw[..dash] : raw;
                int? suffix = suffixed ? raw[^1] - '0' : null;
                var info = LocationCatalog.Find(area)
                    ?? throw new ScaffoldException($"unknown location '{raw}'; known: {string.Join(", ", LocationCatalog.All.Select(Describe))}");
                if (info.Suffix == SuffixRule.Required && suffix is null)
                    throw new ScaffoldException($"location '{raw}' needs -1 (block in the right panel) or -0 (script only): {area}-1 or {area}-0");
                if (info.Suffix == SuffixRule.Forbidden && suffix is not null)
                    throw new ScaffoldException($"location '{raw}' takes no -0/-1 suffix; write '{area}'");
                if ((info.Platforms & (o.Platform == WidgetPlatform.AmoCrm ? Diagnostics.PlatformScope.AmoCrm : Diagnostics.PlatformScope.Kommo)) == 0)
                    throw new ScaffoldException($"location '{area}' exists only on amoCRM; use --platform amocrm");
                if (locations.Any(l => l.Item2 == area))
                    throw new ScaffoldException($"location '{area}' is listed twice (choose one of {area}-0 and {area}-1)");
                locations.Add((raw, area, suffix));
            }
            if (locations.Any(l => l.Item2 == "card_sdk") && !locations.Any(l => l.Item2 is "lcard" or "ccard" or "comcard"))
                throw new ScaffoldException("card_sdk needs a card location too (lcard-0, ccard-0 or comcard-0)");

            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in o.Settings)
            {
                if (!IsFieldCode(s.Code)) throw new ScaffoldException($"setting code '{s.Code}' must be lower-case letters, digits and '_', starting with a letter");
                if (!ScaffoldSetting.Types.Contains(s.Type)) throw new ScaffoldException($"setting type '{s.Type}' is not one of {string.Join(", ", ScaffoldSetting.Types)}");
                if (!codes.Add(s.Code)) throw new ScaffoldException($"setting '{s.Code}' is given twice");
            }
            if (o.Settings.Count(s => s.Type == "custom") > 1) throw new ScaffoldException("only one 'custom' setting is allowed per widget");
            if (o.Settings.Any(s => s.Type == "custom") && !locations.Any(l => l.Item2 == "settings"))
                throw new ScaffoldException("a 'custom' setting is drawn by script.js in the settings modal, so it needs the 'settings' location");
            if (VersionBumperCheck(o.Version) is false) throw new ScaffoldException($"version '{o.Version}' should look like 1.0.0");
            return new Plan { Code = code, Display = display, Options = o, Locales = locales, Locations = locations };
        }

        private static bool VersionBumperCheck(string version) => Packaging.VersionBumper.Next(version, Packaging.VersionBump.Patch) is not null;

        private static string Describe(LocationInfo l) => l.Suffix == SuffixRule.Required ? l.Area + "-0/1" : l.Area;

        private static string PlatformName(WidgetPlatform p) => p == WidgetPlatform.AmoCrm ? "amoCRM" : "Kommo";
    }

    // ---- JSON files ------------------------------------------------------------------------------------------------

    internal static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true,
                   IndentSize = 2,
                   NewLine = "\n",
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static string ConfigJson(Plan plan) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("platform", plan.Options.Platform == WidgetPlatform.AmoCrm ? "amocrm" : "kommo");
        w.WriteEndObject();
    });

    internal static string ManifestJson(Plan plan) => Json(w =>
    {
        var o = plan.Options;
        w.WriteStartObject();
        w.WriteStartObject("widget");
        w.WriteString("name", "widget.name");
        w.WriteString("description", "widget.description");
        w.WriteString("short_description", "widget.short_description");
        w.WriteString("version", o.Version);
        w.WriteNumber("interface_version", 2);
        w.WriteBoolean("init_once", false);
        w.WriteStartArray("locale");
        foreach (var l in plan.Locales) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteBoolean("installation", o.Settings.Count > 0);
        w.WriteStartObject("support");
        w.WriteString("link", o.SupportLink);
        w.WriteString("email", o.SupportEmail);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("locations");
        foreach (var l in plan.Locations) w.WriteStringValue(l.Raw);
        w.WriteEndArray();

        w.WriteStartObject("tour");
        w.WriteBoolean("is_tour", true);
        w.WriteStartObject("tour_images");
        foreach (var l in plan.Locales)
        {
            w.WriteStartArray(l);
            w.WriteStringValue("/" + TourImage(l));
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteString("tour_description", "widget.tour_description");
        w.WriteEndObject();

        w.WriteStartObject("settings");
        foreach (var s in o.Settings)
        {
            w.WriteStartObject(s.Code);
            w.WriteString("name", "settings." + s.Code);
            w.WriteString("type", s.Type);
            w.WriteBoolean("required", s.Required);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        if (plan.Has("digital_pipeline"))
        {
            w.WriteStartObject("dp");
            w.WriteStartObject("settings");
            w.WriteStartObject("message");
            w.WriteString("name", "dp.message");
            w.WriteString("type", "text");
            w.WriteBoolean("required", false);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteBoolean("action_multiple", false);
            w.WriteEndObject();
        }
        if (plan.Has("advanced_settings"))
        {
            w.WriteStartObject("advanced");
            w.WriteString("title", "advanced.title");
            w.WriteEndObject();
        }
        if (plan.Has("salesbot_designer"))
        {
            w.WriteStartObject("salesbot_designer");
            w.WriteStartObject(plan.Code + "_handler");
            w.WriteString("name", "salesbot.handler_name");
            w.WriteStartObject("settings");
            w.WriteStartObject("text");
            w.WriteString("name", "salesbot.text");
            w.WriteString("type", "text");
            w.WriteBoolean("manual", true);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (plan.Has("sms"))
        {
            w.WriteStartObject("sms");
            w.WriteString("endpoint", "https://example.com/kommo/sms");
            w.WriteEndObject();
        }
        if (plan.Has("mobile_card"))
        {
            w.WriteStartObject("mobile");
            w.WriteString("frame_url", "https://example.com/kommo/mobile");
            w.WriteString("color", $"#{PlaceholderArt.ColorFor(plan.Code):x6}");
            w.WriteEndObject();
        }
        if (plan.Has("widget_page"))
        {
            w.WriteStartObject("left_menu");
            w.WriteStartObject(plan.Code);
            w.WriteString("title", "left_menu.title");
            w.WriteString("icon", "images/logo_min.png");
            w.WriteStartObject("sort");
            w.WriteString("after", "leads");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    internal static string I18nJson(Plan plan, string locale) => Json(w =>
    {
        var t = ScaffoldTexts.ByLocale[locale];
        w.WriteStartObject();
        w.WriteStartObject("widget");
        w.WriteString("name", plan.Display);
        w.WriteString("short_description", t.ShortDescription);
        w.WriteString("description", t.Description);
        w.WriteString("tour_description", t.TourDescription);
        if (plan.Has("ai_agent")) w.WriteString("ai_agent_description", t.AiAgentDescription);
        w.WriteEndObject();

        if (plan.Options.Settings.Count > 0)
        {
            w.WriteStartObject("settings");
            foreach (var s in plan.Options.Settings) w.WriteString(s.Code, ToDisplayName(s.Code));
            w.WriteEndObject();
        }
        if (plan.Has("digital_pipeline"))
        {
            w.WriteStartObject("dp");
            w.WriteString("message", t.DpMessage);
            w.WriteEndObject();
        }
        if (plan.Has("advanced_settings"))
        {
            w.WriteStartObject("advanced");
            w.WriteString("title", t.AdvancedTitle);
            w.WriteEndObject();
        }
        if (plan.Has("salesbot_designer"))
        {
            w.WriteStartObject("salesbot");
            w.WriteString("handler_name", t.SalesbotHandler);
            w.WriteString("text", t.SalesbotText);
            w.WriteEndObject();
        }
        if (plan.Has("widget_page"))
        {
            w.WriteStartObject("left_menu");
            w.WriteString("title", plan.Display);
            w.WriteEndObject();
        }
        if (plan.UsesTemplate || plan.Custom is not null)
        {
            w.WriteStartObject("ui");
            if (plan.UsesTemplate)
            {
                w.WriteString("greeting", t.Greeting);
                w.WriteString("details", t.Details);
            }
            if (plan.AnyListPanel) w.WriteString("selected", t.Selected);
            if (plan.UsesPage) w.WriteString("page", t.PageText);
            if (plan.Custom is not null) w.WriteString("enable", t.Enable);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    // ---- script.js -------------------------------------------------------------------------------------------------

    private static string ScriptJs(Plan plan)
    {
        var s = new StringBuilder();
        var callbacks = plan.Callbacks;
        s.Append("// ").Append(plan.Display).Append(": the widget's code. Kommo loads this AMD module in every location listed in manifest.json\n");
        s.Append("// and mixes the returned constructor into its widget object, so `this` (kept as `self`) is the widget.\n");
        s.Append("define(['jquery'], function ($) {\n");
        s.Append("  'use strict';\n\n");
        s.Append("  var CustomWidget = function () {\n");
        s.Append("    var self = this;\n");
        s.Append("    var ROOT_CLASS = '").Append(plan.RootClass).Append("';\n");
        var cards = plan.PanelCards.ToList();
        if (cards.Count > 0)
            s.Append("    var PANEL_AREAS = [").Append(string.Join(", ", cards.Select(c => "'" + c + "'"))).Append("];\n");
        if (plan.Custom is { } custom)
            s.Append("    var CUSTOM_FIELD = '").Append(custom.Code).Append("';\n");
        s.Append('\n');

        s.Append("    // style.css is not injected by Kommo: add it once per page, the documented way.\n");
        s.Append("    function loadStyles() {\n");
        s.Append("      var settings = self.get_settings();\n");
        s.Append("      if ($('link[href=\"' + settings.path + '/style.css?v=' + settings.version + '\"]').length < 1) {\n");
        s.Append("        $('head').append('<link href=\"' + settings.path + '/style.css?v=' + settings.version + '\" type=\"text/css\" rel=\"stylesheet\">');\n");
        s.Append("      }\n");
        s.Append("    }\n");

        if (plan.UsesTemplate)
        {
            s.Append('\n');
            s.Append("    // Renders templates/block.twig (fetched from the widget's own files) and hands the HTML to `done`.\n");
            s.Append("    function renderBlock(params, done) {\n");
            s.Append("      var data = $.extend({ root: ROOT_CLASS, ui: self.i18n('ui') }, params);\n");
            s.Append("      self.render({\n");
            s.Append("        href: '/templates/block.twig',\n");
            s.Append("        base_path: self.params.path,\n");
            s.Append("        v: self.get_version(),\n");
            s.Append("        load: function (template) {\n");
            s.Append("          done(template.render(data));\n");
            s.Append("        }\n");
            s.Append("      }, data);\n");
            s.Append("    }\n");
        }
        if (cards.Count > 0 || plan.AnyListPanel)
        {
            s.Append('\n');
            s.Append("    // Draws the widget's block in the right panel (locations ending in -1).\n");
            s.Append("    function renderPanel(params) {\n");
            s.Append("      renderBlock(params || {}, function (html) {\n");
            s.Append("        self.render_template({\n");
            s.Append("          caption: { class_name: ROOT_CLASS + '__caption' },\n");
            s.Append("          body: html,\n");
            s.Append("          render: ''\n");
            s.Append("        });\n");
            s.Append("      });\n");
            s.Append("    }\n");
        }
        if (plan.UsesPage)
        {
            s.Append('\n');
            s.Append("    // Fills the page Kommo gives the widget (advanced settings, left-menu page).\n");
            s.Append("    function renderPage() {\n");
            s.Append("      var $page = $('#work-area-' + self.get_settings().widget_code);\n");
            s.Append("      renderBlock({ text: self.i18n('ui').page }, function (html) {\n");
            s.Append("        $page.html(html);\n");
            s.Append("      });\n");
            s.Append("    }\n");
        }
        if (plan.Custom is not null)
        {
            s.Append('\n');
            s.Append("    // A 'custom' setting: Kommo gives an empty div and a hidden input; the saved value must be a JSON string.\n");
            s.Append("    function renderCustomField() {\n");
            s.Append("      var code = self.get_settings().widget_code;\n");
            s.Append("      var $input = $('input[name=\"' + CUSTOM_FIELD + '\"]');\n");
            s.Append("      var value = {};\n");
            s.Append("      try {\n");
            s.Append("        value = JSON.parse($input.val() || '{}');\n");
            s.Append("      } catch (error) {\n");
            s.Append("        value = {};\n");
            s.Append("      }\n");
            s.Append("      var $checkbox = $('<input type=\"checkbox\">').prop('checked', value.enabled === true);\n");
            s.Append("      var $label = $('<label class=\"' + ROOT_CLASS + '\"></label>').append($checkbox).append(document.createTextNode(' ' + self.i18n('ui').enable));\n");
            s.Append("      $('#' + code + '_custom_content').empty().append($label);\n");
            s.Append("      $checkbox.on('change', function () {\n");
            s.Append("        $input.val(JSON.stringify({ enabled: $checkbox.prop('checked') })).trigger('change');\n");
            s.Append("      });\n");
            s.Append("    }\n");
        }

        s.Append('\n');
        s.Append("    this.callbacks = {\n");
        var members = new List<string>();
        var render = new StringBuilder();
        render.Append("      render: function () {\n");
        if (cards.Count > 0)
        {
            render.Append("        if (PANEL_AREAS.indexOf(self.system().area) !== -1) {\n");
            render.Append("          renderPanel();\n");
            render.Append("        }\n");
        }
        render.Append("        return true;\n");
        render.Append("      }");
        members.Add(render.ToString());
        members.Add("      init: function () {\n        loadStyles();\n        return true;\n      }");
        members.Add("      bind_actions: function () {\n        return true;\n      }");
        foreach (var cb in callbacks.Where(c => !c.Contains('.')))
            members.Add(Callback(plan, cb));
        foreach (var group in callbacks.Where(c => c.Contains('.')).GroupBy(c => c[..c.IndexOf('.')]))
        {
            var m = new StringBuilder();
            m.Append("      ").Append(group.Key).Append(": {\n");
            m.Append(string.Join(",\n", group.Select(c => Nested(plan, c))));
            m.Append("\n      }");
            members.Add(m.ToString());
        }
        members.Add("      destroy: function () {\n        $('.' + ROOT_CLASS).remove();\n      }");
        s.Append(string.Join(",\n", members)).Append('\n');
        s.Append("    };\n\n");
        s.Append("    return this;\n");
        s.Append("  };\n\n");
        s.Append("  return CustomWidget;\n");
        s.Append("});\n");
        return s.ToString();
    }

    private static string Callback(Plan plan, string name) => name switch
    {
        "settings" => plan.Custom is not null
            ? "      settings: function () {\n        renderCustomField();\n        return true;\n      }"
            : "      settings: function () {\n        return true;\n      }",
        "onSave" => "      onSave: function () {\n        return true;\n      }",
        "advancedSettings" => "      advancedSettings: function () {\n        renderPage();\n        return true;\n      }",
        "initMenuPage" => "      initMenuPage: function () {\n        renderPage();\n        return true;\n      }",
        "dpSettings" => "      // Kommo draws the dp.settings fields itself; add your own controls here.\n      dpSettings: function () {\n        return true;\n      }",
        "onSalesbotDesignerSave" =>
            "      // Returns the bot steps as a JSON string; params holds the handler's settings (see manifest.json).\n" +
            "      onSalesbotDesignerSave: function (handlerCode, params) {\n" +
            "        var steps = [{ question: [{ handler: 'show', params: { type: 'text', value: params.text || '' } }] }];\n" +
            "        return JSON.stringify(steps);\n" +
            "      }",
        "loadPreloadedData" => "      // Card tab (card_sdk): items offered for linking.\n      loadPreloadedData: function () {\n        return Promise.resolve([]);\n      }",
        "loadElements" => "      // Card tab (card_sdk): items already linked to the card; gets (type, id).\n      loadElements: function () {\n        return Promise.resolve([]);\n      }",
        "linkCard" => "      // Card tab (card_sdk): save links; gets the links to add or remove.\n      linkCard: function () {\n        return Promise.resolve();\n      }",
        "searchDataInCard" => "      // Card tab (card_sdk): search; gets (query, type, id).\n      searchDataInCard: function () {\n        return Promise.resolve([]);\n      }",
        "loadCatalogElement" => "      // Lists (catalogs) SDK: draw your own card for a catalog element; call self.setSdkCatalogId(id) in onSave to bind a list.\n      loadCatalogElement: function () {\n        return true;\n      }",
        "onAddAsSource" => "      // Lead sources: the widget was added as a source; gets the pipeline id.\n      onAddAsSource: function () {\n        return true;\n      }",
        _ => $"      {name}: function () {{\n        return true;\n      }}",
    };

    private static string Nested(Plan plan, string dotted)
    {
        string name = dotted[(dotted.IndexOf('.') + 1)..];
        string area = dotted[..dotted.IndexOf('.')] switch { "leads" => "llist", "contacts" => "clist", _ => "tlist" };
        if (plan.PanelInList(area))
            return $"        {name}: function () {{\n          renderPanel({{ details: self.i18n('ui').selected + ' ' + self.list_selected().selected.length }});\n        }}";
        return $"        // Rows ticked in the list, widget picked from the More menu: self.list_selected() has them.\n        {name}: function () {{\n          return true;\n        }}";
    }

    // ---- other files -----------------------------------------------------------------------------------------------

    internal static string BlockTwig(Plan plan) =>
        $$$"""
        {# Rendered by script.js (renderBlock). Texts come from the "ui" group of i18n/<locale>.json. #}
        <div class="{{{plan.RootClass}}}">
          <p class="{{{plan.RootClass}}}__text">{{ text|default(ui.greeting) }}</p>
          {% if details %}
            <p class="{{{plan.RootClass}}}__details">{{ details }}</p>
          {% else %}
            <p class="{{{plan.RootClass}}}__details">{{ ui.details }}</p>
          {% endif %}
        </div>

        """.Replace("\r\n", "\n");

    internal static string StyleCss(Plan plan) =>
        $$"""
        /* {{plan.Display}}: every rule is scoped under .{{plan.RootClass}} so the widget never restyles Kommo itself.
           Colours inherit from the page, so the block follows the light and dark themes. */
        .{{plan.RootClass}} {
          padding: 8px 0;
          font-size: 13px;
          line-height: 1.4;
          color: inherit;
        }

        .{{plan.RootClass}} .{{plan.RootClass}}__text {
          margin: 0 0 4px;
        }

        .{{plan.RootClass}} .{{plan.RootClass}}__details {
          margin: 0;
          opacity: 0.7;
        }

        .{{plan.RootClass}} input[type="checkbox"] {
          margin-right: 6px;
        }

        """.Replace("\r\n", "\n");

    private static string Readme(Plan plan)
    {
        var o = plan.Options;
        var s = new StringBuilder();
        s.Append("# ").Append(plan.Display).Append("\n\n");
        s.Append("A ").Append(o.Platform == WidgetPlatform.AmoCrm ? "amoCRM" : "Kommo").Append(" widget generated by `kommo-widget new`.\n\n");
        s.Append("- Locations: ").Append(string.Join(", ", plan.Locations.Select(l => "`" + l.Raw + "`"))).Append('\n');
        s.Append("- Languages: ").Append(string.Join(", ", plan.Locales.Select(l => "`" + l + "`"))).Append('\n');
        s.Append("- Settings: ").Append(o.Settings.Count == 0 ? "none" : string.Join(", ", o.Settings.Select(x => $"`{x.Code}` ({x.Type}{(x.Required ? ", required" : "")})"))).Append("\n\n");
        s.Append("## Files\n\n");
        s.Append("| File | What it is |\n|---|---|\n");
        s.Append("| `manifest.json` | name, version, locales, locations and settings; texts are keys into `i18n/` |\n");
        s.Append("| `script.js` | the widget's code (an AMD module) with the callbacks its locations call |\n");
        s.Append("| `style.css` | styles, all under `.").Append(plan.RootClass).Append("`; `script.js` loads it in `init` |\n");
        if (plan.UsesTemplate) s.Append("| `templates/block.twig` | the HTML the widget draws |\n");
        s.Append("| `i18n/<locale>.json` | texts, one file per language, all with the same keys |\n");
        s.Append("| `images/` | logos in the exact sizes Kommo requires, and tour images (1188×616) |\n");
        s.Append("| `kommo-widget.json` | settings for `kommo-widget` itself; never packed |\n\n");
        s.Append("## Work on it\n\n");
        s.Append("```sh\nkommo-widget validate .          # every check Kommo applies at upload and moderation\n");
        s.Append("kommo-widget validate . --profile public\n");
        s.Append("kommo-widget dev .               # run it in a local copy of the Kommo interface\n");
        s.Append("kommo-widget pack . --bump patch # write widget.zip (files at its root) after raising the version\n```\n\n");
        s.Append("Upload `widget.zip` under Settings → Integrations → Create integration. This README, `kommo-widget.json` and other\n");
        s.Append("development files are left out of the archive; list more in `.kommoignore` (gitignore syntax).\n");
        if (plan.Has("sms") || plan.Has("mobile_card"))
            s.Append("\nReplace the example.com addresses in `manifest.json` (`sms.endpoint`, `mobile.frame_url`) with your own service.\n");
        s.Append("\nReplace `widget.support` in `manifest.json` with your own support site and e-mail.\n");
        return s.ToString();
    }
}
