using System.Text;
using KommoWidgetKit.Building;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Scaffolding;

/// <summary>The files of <c>kommo-widget new --template ts</c>: a <see cref="WidgetProject"/> whose build validates clean.</summary>
/// <remarks>The widget's static files are those of the JavaScript template, under <c>widget/</c>; the code is
/// <c>src/index.ts</c> with the same callbacks, typed against <c>types/kommo.d.ts</c>.</remarks>
internal static class TypeScriptProject
{
    /// <summary>The esbuild version package.json pins.</summary>
    public const string EsbuildVersion = "0.28.2";

    /// <summary>The TypeScript version package.json pins (the native compiler; <c>tsc --noEmit</c> is all the build asks of it).</summary>
    public const string TypeScriptVersion = "7.0.2";

    private const string DeclarationsResource = "KommoWidgetKit.Scaffolding.kommo.d.ts";

    /// <summary>The host API declarations written to <c>types/kommo.d.ts</c>.</summary>
    public static string Declarations()
    {
        using var stream = typeof(TypeScriptProject).Assembly.GetManifestResourceStream(DeclarationsResource)
            ?? throw new InvalidOperationException("the type declarations are missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    public static IReadOnlyList<ScaffoldFile> Generate(WidgetScaffolder.Plan plan)
    {
        string W(string path) => WidgetProject.StaticFolder + "/" + path;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [W("manifest.json")] = WidgetScaffolder.Utf8(WidgetScaffolder.ManifestJson(plan)),
            [W("style.css")] = WidgetScaffolder.Utf8(WidgetScaffolder.StyleCss(plan)),
            [W(Validation.WidgetConfig.FileName)] = WidgetScaffolder.Utf8(WidgetScaffolder.ConfigJson(plan)),
            ["src/index.ts"] = WidgetScaffolder.Utf8(IndexTs(plan)),
            ["types/kommo.d.ts"] = WidgetScaffolder.Utf8(Declarations()),
            ["package.json"] = WidgetScaffolder.Utf8(PackageJson(plan)),
            ["tsconfig.json"] = WidgetScaffolder.Utf8(TsConfig()),
            [".gitignore"] = WidgetScaffolder.Utf8("node_modules/\ndist/\n.kommo/\n*.zip\n"),
            ["README.md"] = WidgetScaffolder.Utf8(Readme(plan)),
        };
        if (plan.UsesTemplate) files[W("templates/block.twig")] = WidgetScaffolder.Utf8(WidgetScaffolder.BlockTwig(plan));
        // The texts name the files to edit; here the code is src/index.ts.
        foreach (var locale in plan.Locales)
            files[W($"i18n/{locale}.json")] = WidgetScaffolder.Utf8(WidgetScaffolder.I18nJson(plan, locale).Replace("script.js", "src/index.ts", StringComparison.Ordinal));

        char letter = plan.Code[0];
        uint color = PlaceholderArt.ColorFor(plan.Code);
        foreach (var logo in LogoSpec.Required)
            files[W(logo.Path)] = PlaceholderArt.Logo(logo.Width, logo.Height, letter, color, WidgetScaffolder.MarginFor(logo));
        if (plan.Has("digital_pipeline"))
            files[W(LogoSpec.DigitalPipeline.Path)] = PlaceholderArt.Logo(LogoSpec.DigitalPipeline.Width, LogoSpec.DigitalPipeline.Height, letter, color, WidgetScaffolder.MarginFor(LogoSpec.DigitalPipeline));
        var tour = PlaceholderArt.Tour(LogoSpec.TourWidth, LogoSpec.TourHeight, letter, color);
        foreach (var locale in plan.Locales) files[W(WidgetScaffolder.TourImage(locale))] = tour;
        return files.Select(f => new ScaffoldFile(f.Key, f.Value)).ToList();
    }

    private static string PackageJson(WidgetScaffolder.Plan plan) => WidgetScaffolder.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", plan.Code.Replace('_', '-'));
        w.WriteBoolean("private", true);
        w.WriteString("description", plan.Display + ": a Kommo widget in TypeScript, built with kommo-widget build");
        w.WriteStartObject("scripts");
        w.WriteString("build", "kommo-widget build");
        w.WriteString("typecheck", "tsc --noEmit");
        w.WriteString("watch", "kommo-widget build --watch");
        w.WriteString("dev", "kommo-widget dev");
        w.WriteString("pack", "kommo-widget pack");
        w.WriteEndObject();
        w.WriteStartObject("devDependencies");
        w.WriteString("esbuild", EsbuildVersion);
        w.WriteString("typescript", TypeScriptVersion);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string TsConfig() =>
        """
        {
          "compilerOptions": {
            "target": "ES2020",
            "lib": ["ES2020", "DOM", "DOM.Iterable"],
            "module": "ESNext",
            "moduleResolution": "Bundler",
            "strict": true,
            "noEmit": true,
            "isolatedModules": true,
            "skipLibCheck": false,
            "forceConsistentCasingInFileNames": true,
            "types": []
          },
          "include": ["src", "types"]
        }

        """.Replace("\r\n", "\n");

    // ---- src/index.ts ------------------------------------------------------------------------------------------------

    private static string IndexTs(WidgetScaffolder.Plan plan)
    {
        var s = new StringBuilder();
        var callbacks = plan.Callbacks;
        var cards = plan.PanelCards.ToList();
        var settings = plan.Options.Settings;
        string name = TypeName(plan.Code);
        string widgetType = settings.Count > 0 ? "Kommo.Widget<Settings>" : "Kommo.Widget";

        s.Append("// ").Append(plan.Display).Append(": the widget's code. `kommo-widget build` bundles src/ into dist/script.js, an AMD module\n");
        s.Append("// whose factory returns this file's default export; Kommo calls it with `this` set to its widget object (kept as\n");
        s.Append("// `self`: inside callbacks `this` is not the widget). Types of the host API are in types/kommo.d.ts.\n");
        s.Append("import $ from 'jquery';\n\n");
        s.Append("const ROOT_CLASS = '").Append(plan.RootClass).Append("';\n");
        if (cards.Count > 0)
            s.Append("const PANEL_AREAS: readonly Kommo.Area[] = [").Append(string.Join(", ", cards.Select(c => "'" + c + "'"))).Append("];\n");
        if (plan.Custom is { } custom)
            s.Append("const CUSTOM_FIELD = '").Append(custom.Code).Append("';\n");
        if (settings.Count > 0)
        {
            s.Append("\n/** The values of the settings in manifest.json, by field code (absent until the user saves them). */\n");
            s.Append("interface Settings {\n");
            foreach (var setting in settings)
                s.Append("  ").Append(setting.Code).Append("?: ").Append(SettingType(setting.Type)).Append(";\n");
            s.Append("}\n");
        }
        if (plan.UsesTemplate)
        {
            s.Append("\n/** What templates/block.twig draws besides the texts of the \"ui\" group. */\n");
            s.Append("interface BlockParams {\n  text?: string;\n  details?: string;\n}\n");
        }
        s.Append('\n');
        s.Append("export default function ").Append(name).Append("(this: ").Append(widgetType).Append("): ").Append(widgetType).Append(" {\n");
        s.Append("  const self = this;\n\n");

        s.Append("  // style.css is not injected by Kommo: add it once per page, the documented way.\n");
        s.Append("  function loadStyles(): void {\n");
        s.Append("    const settings = self.get_settings();\n");
        s.Append("    const href = `${settings.path}/style.css?v=${settings.version}`;\n");
        s.Append("    if ($(`link[href=\"${href}\"]`).length < 1) {\n");
        s.Append("      $('head').append(`<link href=\"${href}\" type=\"text/css\" rel=\"stylesheet\">`);\n");
        s.Append("    }\n");
        s.Append("  }\n");

        if (plan.UsesTemplate)
        {
            s.Append('\n');
            s.Append("  // Renders templates/block.twig (fetched from the widget's own files) and hands the HTML to `done`.\n");
            s.Append("  function renderBlock(params: BlockParams, done: (html: string) => void): void {\n");
            s.Append("    const data = { root: ROOT_CLASS, ui: self.i18n('ui'), ...params };\n");
            s.Append("    self.render({\n");
            s.Append("      href: '/templates/block.twig',\n");
            s.Append("      base_path: self.params.path,\n");
            s.Append("      v: self.get_version(),\n");
            s.Append("      load: (template) => done(template.render(data)),\n");
            s.Append("    }, data);\n");
            s.Append("  }\n");
        }
        if (cards.Count > 0 || plan.AnyListPanel)
        {
            s.Append('\n');
            s.Append("  // Draws the widget's block in the right panel (locations ending in -1).\n");
            s.Append("  function renderPanel(params: BlockParams = {}): void {\n");
            s.Append("    renderBlock(params, (html) => {\n");
            s.Append("      self.render_template({\n");
            s.Append("        caption: { class_name: `${ROOT_CLASS}__caption` },\n");
            s.Append("        body: html,\n");
            s.Append("        render: '',\n");
            s.Append("      });\n");
            s.Append("    });\n");
            s.Append("  }\n");
        }
        if (plan.UsesPage)
        {
            s.Append('\n');
            s.Append("  // Fills the page Kommo gives the widget (advanced settings, left-menu page).\n");
            s.Append("  function renderPage(): void {\n");
            s.Append("    const $page = $(`#work-area-${self.get_settings().widget_code}`);\n");
            s.Append("    renderBlock({ text: self.i18n('ui').page }, (html) => {\n");
            s.Append("      $page.html(html);\n");
            s.Append("    });\n");
            s.Append("  }\n");
        }
        if (plan.Custom is not null)
        {
            s.Append('\n');
            s.Append("  // A 'custom' setting: Kommo gives an empty div and a hidden input; the saved value must be a JSON string.\n");
            s.Append("  function renderCustomField(): void {\n");
            s.Append("    const code = self.get_settings().widget_code;\n");
            s.Append("    const $input = $(`input[name=\"${CUSTOM_FIELD}\"]`);\n");
            s.Append("    let value: { enabled?: boolean } = {};\n");
            s.Append("    try {\n");
            s.Append("      value = JSON.parse(String($input.val() || '{}'));\n");
            s.Append("    } catch {\n");
            s.Append("      value = {};\n");
            s.Append("    }\n");
            s.Append("    const $checkbox = $('<input type=\"checkbox\">').prop('checked', value.enabled === true);\n");
            s.Append("    const $label = $(`<label class=\"${ROOT_CLASS}\"></label>`).append($checkbox).append(document.createTextNode(' ' + self.i18n('ui').enable));\n");
            s.Append("    $(`#${code}_custom_content`).empty().append($label);\n");
            s.Append("    $checkbox.on('change', () => {\n");
            s.Append("      $input.val(JSON.stringify({ enabled: $checkbox.prop('checked') })).trigger('change');\n");
            s.Append("    });\n");
            s.Append("  }\n");
        }

        s.Append('\n');
        s.Append("  this.callbacks = {\n");
        var members = new List<string>();
        var render = new StringBuilder();
        render.Append("    render() {\n");
        if (cards.Count > 0)
        {
            render.Append("      if (PANEL_AREAS.indexOf(self.system().area) !== -1) {\n");
            render.Append("        renderPanel();\n");
            render.Append("      }\n");
        }
        render.Append("      return true;\n");
        render.Append("    }");
        members.Add(render.ToString());
        members.Add("    init() {\n      loadStyles();\n      return true;\n    }");
        members.Add("    bind_actions() {\n      return true;\n    }");
        foreach (var cb in callbacks.Where(c => !c.Contains('.')))
            members.Add(Callback(plan, cb));
        foreach (var group in callbacks.Where(c => c.Contains('.')).GroupBy(c => c[..c.IndexOf('.')]))
        {
            var m = new StringBuilder();
            m.Append("    ").Append(group.Key).Append(": {\n");
            m.Append(string.Join(",\n", group.Select(c => Nested(plan, c))));
            m.Append(",\n    }");
            members.Add(m.ToString());
        }
        members.Add("    destroy() {\n      $(`.${ROOT_CLASS}`).remove();\n    }");
        s.Append(string.Join(",\n", members)).Append(",\n");
        s.Append("  };\n\n");
        s.Append("  return this;\n");
        s.Append("}\n");
        return s.ToString();
    }

    private static string SettingType(string type) => type switch
    {
        "users" => "Kommo.UsersSetting",
        "users_lp" => "Kommo.UsersLoginPasswordSetting",
        "custom" => "string /* JSON */",
        _ => "string",
    };

    // hello_kommo → HelloKommo, 2fa_sms → W2faSms (a valid identifier for the constructor).
    private static string TypeName(string code)
    {
        var s = new StringBuilder();
        foreach (var part in code.Split('_', StringSplitOptions.RemoveEmptyEntries))
            s.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        string name = s.Length == 0 ? "Widget" : s.ToString();
        return char.IsAsciiLetter(name[0]) ? name : "W" + name;
    }

    private static string Callback(WidgetScaffolder.Plan plan, string name) => name switch
    {
        "settings" => plan.Custom is not null
            ? "    settings() {\n      renderCustomField();\n      return true;\n    }"
            : "    settings() {\n      return true;\n    }",
        "onSave" => "    onSave() {\n      return true;\n    }",
        "advancedSettings" => "    advancedSettings() {\n      renderPage();\n      return true;\n    }",
        "initMenuPage" => "    initMenuPage() {\n      renderPage();\n      return true;\n    }",
        "dpSettings" => "    // Kommo draws the dp.settings fields itself; add your own controls here.\n    dpSettings() {\n      return true;\n    }",
        "onSalesbotDesignerSave" =>
            "    // Returns the bot steps as a JSON string; params holds the handler's settings (see manifest.json).\n" +
            "    onSalesbotDesignerSave(handlerCode, params) {\n" +
            "      const steps = [{ question: [{ handler: 'show', params: { type: 'text', value: params.text || '' } }] }];\n" +
            "      return JSON.stringify(steps);\n" +
            "    }",
        "loadPreloadedData" => "    // Card tab (card_sdk): items offered for linking.\n    loadPreloadedData() {\n      return Promise.resolve([]);\n    }",
        "loadElements" => "    // Card tab (card_sdk): items already linked to the card; gets (type, id).\n    loadElements() {\n      return Promise.resolve([]);\n    }",
        "linkCard" => "    // Card tab (card_sdk): save links; gets the links to add or remove.\n    linkCard() {\n      return Promise.resolve();\n    }",
        "searchDataInCard" => "    // Card tab (card_sdk): search; gets (query, type, id).\n    searchDataInCard() {\n      return Promise.resolve([]);\n    }",
        "loadCatalogElement" => "    // Lists (catalogs) SDK: draw your own card for a catalog element; call self.setSdkCatalogId(id) in onSave to bind a list.\n    loadCatalogElement() {\n      return true;\n    }",
        "onAddAsSource" => "    // Lead sources: the widget was added as a source; gets the pipeline id.\n    onAddAsSource() {\n      return true;\n    }",
        _ => $"    {name}() {{\n      return true;\n    }}",
    };

    private static string Nested(WidgetScaffolder.Plan plan, string dotted)
    {
        string name = dotted[(dotted.IndexOf('.') + 1)..];
        string area = dotted[..dotted.IndexOf('.')] switch { "leads" => "llist", "contacts" => "clist", _ => "tlist" };
        if (plan.PanelInList(area))
            return $"      {name}() {{\n        renderPanel({{ details: `${{self.i18n('ui').selected}} ${{self.list_selected().selected.length}}` }});\n      }}";
        return $"      // Rows ticked in the list, widget picked from the More menu: self.list_selected() has them.\n      {name}() {{\n        return true;\n      }}";
    }

    // ---- README.md ---------------------------------------------------------------------------------------------------

    private static string Readme(WidgetScaffolder.Plan plan)
    {
        var o = plan.Options;
        var s = new StringBuilder();
        s.Append("# ").Append(plan.Display).Append("\n\n");
        s.Append("A ").Append(o.Platform == WidgetPlatform.AmoCrm ? "amoCRM" : "Kommo").Append(" widget in TypeScript, generated by `kommo-widget new --template ts`.\n\n");
        s.Append("- Locations: ").Append(string.Join(", ", plan.Locations.Select(l => "`" + l.Raw + "`"))).Append('\n');
        s.Append("- Languages: ").Append(string.Join(", ", plan.Locales.Select(l => "`" + l + "`"))).Append('\n');
        s.Append("- Settings: ").Append(o.Settings.Count == 0 ? "none" : string.Join(", ", o.Settings.Select(x => $"`{x.Code}` ({x.Type}{(x.Required ? ", required" : "")})"))).Append("\n\n");
        s.Append("## Files\n\n");
        s.Append("| File | What it is |\n|---|---|\n");
        s.Append("| `src/index.ts` | the widget's code: its default export is the constructor Kommo calls, with the callbacks its locations need |\n");
        s.Append("| `types/kommo.d.ts` | types of the host API: the widget object, callbacks, `APP`/`AMOCRM`, the modules Kommo provides |\n");
        s.Append("| `widget/manifest.json` | name, version, locales, locations and settings; texts are keys into `widget/i18n/` |\n");
        s.Append("| `widget/style.css` | styles, all under `.").Append(plan.RootClass).Append("`; the code loads it in `init` |\n");
        if (plan.UsesTemplate) s.Append("| `widget/templates/block.twig` | the HTML the widget draws |\n");
        s.Append("| `widget/i18n/<locale>.json` | texts, one file per language, all with the same keys |\n");
        s.Append("| `widget/images/` | logos in the exact sizes Kommo requires, and tour images (1188×616) |\n");
        s.Append("| `widget/kommo-widget.json` | settings for `kommo-widget` itself; never packed |\n");
        s.Append("| `package.json`, `tsconfig.json` | esbuild and TypeScript (pinned), the type checker's settings |\n");
        s.Append("| `dist/` | the built widget (`kommo-widget build`): `script.js` (an AMD module), `script.js.map`, the files of `widget/` |\n\n");
        s.Append("## Work on it\n\n");
        s.Append("```sh\nnpm install                      # esbuild and TypeScript, into node_modules/\n");
        s.Append("kommo-widget build --typecheck   # src/ → dist/script.js, widget/ → dist/, then every check Kommo applies\n");
        s.Append("kommo-widget dev                 # build, run it in a local copy of the Kommo interface, rebuild on save\n");
        s.Append("kommo-widget pack --bump patch   # build, then write widget.zip from dist/ (the source map stays out)\n```\n\n");
        s.Append("Modules Kommo provides (`jquery`, `underscore`, `moment`, `twigjs`, `lib/components/base/modal`, `text!…` …) are imported\n");
        s.Append("as usual and stay out of the bundle: `script.js` asks Kommo for them through `define()`. Everything else you import\n");
        s.Append("from npm is bundled. Upload `widget.zip` under Settings → Integrations → Create integration.\n");
        if (plan.Has("sms") || plan.Has("mobile_card"))
            s.Append("\nReplace the example.com addresses in `widget/manifest.json` (`sms.endpoint`, `mobile.frame_url`) with your own service.\n");
        s.Append("\nReplace `widget.support` in `widget/manifest.json` with your own support site and e-mail.\n");
        return s.ToString();
    }
}
