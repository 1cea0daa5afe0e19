using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>The dev host in a real headless Chromium: what a person would see, and the order of the callbacks.</summary>
public sealed class BrowserTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static Task InstallAsync(RunningHost host, object? fields = null) => DevPage.InstallAsync(host, fields);

    private async Task<IPage> OpenAsync(RunningHost host, string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(15000);
        await page.GotoAsync(host.Address + path);
        await WaitReadyAsync(page);
        return page;
    }

    /// <summary>With KOMMO_DEV_SCREENSHOTS=DIR set, keeps a picture of what the page showed (for people, not assertions).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("KOMMO_DEV_SCREENSHOTS");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(dir, name + ".png") });
        }
    }

    private static Task WaitReadyAsync(IPage page) => DevPage.WaitReadyAsync(page);

    private static Task<string[]> CallsAsync(IPage page) => DevPage.CallsAsync(page);

    private static Task<string[]> ProblemsAsync(IPage page) => DevPage.ProblemsAsync(page);

    [Fact]
    public async Task Lead_card_shows_the_right_panel_block_and_runs_render_init_bind_actions()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");

        var block = page.Locator(".card-widgets__widget-card_panel");
        await Assertions.Expect(block.Locator(".card-panel-demo__title")).ToHaveTextAsync("Hello from the panel");
        await Assertions.Expect(block.Locator(".card-panel-demo__lead")).ToHaveTextAsync("[Lead] #30000001");
        await Assertions.Expect(block.Locator("button.button-input.card-panel-demo__button")).ToContainTextAsync("Do it");
        await Assertions.Expect(block.Locator(".card-panel-demo__own")).ToHaveTextAsync("own template ok");
        await Assertions.Expect(block.Locator(".card-panel-demo__title")).ToHaveCSSAsync("color", "rgb(1, 2, 3)");
        Assert.Equal(["render@lcard", "init@lcard", "bind_actions@lcard"], await CallsAsync(page));
        Assert.Empty(await ProblemsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__syncTwig === true"));

        // The text and json plugins, as the official birthday widget and others use them.
        var viaPlugins = await page.EvaluateAsync<string>(@"() => new Promise(resolve => {
            const path = APP.widgets.list.card_panel.params.path;
            require(['text!' + path + '/templates/panel.twig?v=1', 'json!' + path + '/manifest.json'], (source, manifest) =>
                resolve(twig({ id: 'panel_via_text', data: source, allowInlineIncludes: true }).render({ note: 'via text' }).trim() + '|' + manifest.widget.version));
        })");
        Assert.Equal("<div class=\"card-panel-demo__extra\">via text</div>|1.2.0", viaPlugins);
        await ShotAsync(page, "lead-card");

        // The self API against the host: crm_post through the proxy, $authorizedAjax with a JWT, add_action on phones.
        var posted = await page.EvaluateAsync<JsonElement>(@"() => new Promise((resolve, reject) =>
            APP.widgets.list.card_panel.crm_post(location.origin + '/__kommo/echo', { a: 1, b: 'two' }, resolve, 'json', reject))");
        Assert.Equal("a=1&b=two", posted.GetProperty("body").GetString());
        var authorized = await page.EvaluateAsync<JsonElement>(@"() => new Promise((resolve, reject) =>
            APP.widgets.list.card_panel.$authorizedAjax({ url: '/__kommo/echo', type: 'POST', data: 'x=1', dataType: 'json' }).done(resolve).fail(reject))");
        Assert.Equal(3, authorized.GetProperty("x_auth_token").GetString()!.Split('.').Length);
        await page.EvaluateAsync("() => APP.widgets.list.card_panel.add_action('phone', function (data) { window.__phone = data.value; })");
        await page.ClickAsync(".phone_wrapper .js-widget-action");
        var firstPhone = await page.InputValueAsync(".phone_wrapper input >> nth=0");
        Assert.StartsWith("+1555", firstPhone);
        Assert.Equal(firstPhone, await page.EvaluateAsync<string>("() => window.__phone"));
        Assert.Equal("leads", await page.EvaluateAsync<string>("() => AMOCRM.getBaseEntity()"));
        Assert.True(await page.EvaluateAsync<bool>("() => APP === AMOCRM && APP.isCard() && APP.constant('user').id === 9000001"));
        await page.EvaluateAsync("() => window.__kommoDev.calls.length = 0");
        await page.ReloadAsync();
        await WaitReadyAsync(page);

        // The account language switch re-runs the widget in the other locale.
        await page.SelectOptionAsync("#kommo-dev-lang", "es");
        await Assertions.Expect(block.Locator(".card-panel-demo__title")).ToHaveTextAsync("Hola desde el panel");

        // Moving to a contact card (ccard-0): destroy in the lead card, then script only, no panel block.
        await page.EvaluateAsync("() => window.__kommoDev.calls.length = 0");
        await page.EvaluateAsync("() => window.__kommoDev.navigate('/contacts/detail/10000001')");
        await WaitReadyAsync(page);
        Assert.Equal(["destroy@lcard", "render@ccard", "init@ccard", "bind_actions@ccard"], await CallsAsync(page));
        await Assertions.Expect(page.Locator(".card-widgets__widget-card_panel")).ToHaveCountAsync(0);
        Assert.Equal("/contacts/detail/10000001", new Uri(page.Url).AbsolutePath);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Dev_settings_in_kommo_widget_json_install_the_widget_so_the_lead_card_runs_it_with_no_click()
    {
        using var widget = TempWidget.Copy("card_panel");
        File.WriteAllText(System.IO.Path.Combine(widget.Path, "kommo-widget.json"), "{ \"dev\": { \"settings\": { \"greeting\": \"Hi\" }, \"installed\": true } }");
        await using var host = await RunningHost.StartAsync(widget.Path);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        await Assertions.Expect(page.Locator(".kommo-dev-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".card-widgets__widget-card_panel .card-panel-demo__title")).ToHaveTextAsync("Hello from the panel");
        Assert.Equal(["render@lcard", "init@lcard", "bind_actions@lcard"], await CallsAsync(page));
        Assert.Equal("Hi", await page.EvaluateAsync<string>("() => APP.widgets.list.card_panel.get_settings().greeting"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Settings_modal_enforces_required_fields_saves_through_onSave_and_survives_a_restart()
    {
        using var widget = TempWidget.Copy("settings_custom");
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            var page = await OpenAsync(host, "/settings/widgets/");
            await Assertions.Expect(page.Locator(".kommo-dev-banner")).ToHaveCountAsync(0);
            await page.ClickAsync(".js-widget-card-settings_custom");
            var modal = page.Locator(".modal.settings_custom");
            await Assertions.Expect(modal.Locator(".widget_settings_block__title_field")).ToHaveTextAsync(["API key *:", "Secret:", "Extensions:", "Options *:"]);
            await Assertions.Expect(modal.Locator(".widget_settings_block__descr")).ToContainTextAsync("Connects to the demo service of devaccount.");
            await Assertions.Expect(modal.Locator("#settings_custom_custom_content .control-checkbox")).ToContainTextAsync("I agree to the terms");
            Assert.Equal(["render@settings", "init@settings", "bind_actions@settings", "settings@settings"], await CallsAsync(page));
            await ShotAsync(page, "settings-modal");

            // Install with the required fields empty: refused, nothing saved.
            await modal.Locator("button.js-widget-save").ClickAsync();
            await Assertions.Expect(modal.Locator(".widget_settings_block__item_field_error")).ToHaveCountAsync(2);
            Assert.DoesNotContain("onSave@settings", await CallsAsync(page));

            await modal.Locator("input[name=api_key]").FillAsync("key-123");
            await modal.Locator("input[name=secret]").FillAsync("s3cret");
            await modal.Locator("input[name='extensions[9000002]']").FillAsync("101");
            await modal.Locator(".demo-consent").ClickAsync();
            await modal.Locator("button.js-widget-save").ClickAsync();
            await Assertions.Expect(page.Locator(".modal.settings_custom")).ToHaveCountAsync(0);
            Assert.Equal(["onSave@settings", "onInstall@settings", "destroy@settings"], (await CallsAsync(page)).Skip(4).ToArray());
            var saved = await page.EvaluateAsync<JsonElement>("() => window.__demoSaved");
            Assert.Equal("Y", saved.GetProperty("active").GetString());
            Assert.Equal("key-123", saved.GetProperty("fields").GetProperty("api_key").GetString());
            Assert.Equal("""{"consent":true}""", saved.GetProperty("fields").GetProperty("options").GetString());
            await Assertions.Expect(page.Locator(".js-widget-card-settings_custom .widget-card__status")).ToHaveTextAsync("Install");
            await page.CloseAsync();
        }

        // A new host on the same folder reads the values back from .kommo/dev.db.
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            var page = await OpenAsync(host, "/settings/widgets/#settings_custom");
            var modal = page.Locator(".modal.settings_custom");
            await Assertions.Expect(modal.Locator("input[name=api_key]")).ToHaveValueAsync("key-123");
            await Assertions.Expect(modal.Locator("input[name='extensions[9000002]']")).ToHaveValueAsync("101");
            await Assertions.Expect(modal.Locator(".demo-consent input")).ToBeCheckedAsync();
            await Assertions.Expect(modal.Locator("button.js-widget-save")).ToHaveTextAsync("Save");
            Assert.Equal("key-123", await page.EvaluateAsync<string>("() => APP.widgets.list.settings_custom.get_settings().api_key"));
            Assert.Equal("installed", await page.EvaluateAsync<string>("() => APP.widgets.list.settings_custom.get_install_status()"));

            // Disable: onSave with active N, then destroy.
            await page.EvaluateAsync("() => window.__kommoDev.calls.length = 0");
            await modal.Locator(".js-widget-uninstall").ClickAsync();
            await Assertions.Expect(page.Locator(".modal.settings_custom")).ToHaveCountAsync(0);
            Assert.Equal(["onSave@settings", "destroy@settings"], await CallsAsync(page));
            Assert.Equal("N", await page.EvaluateAsync<string>("() => window.__demoSaved.active"));
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_description_is_html_with_entities_and_links_but_no_scripts_or_event_handlers()
    {
        using var widget = TempWidget.Copy("settings_custom");
        var i18n = Path.Combine(widget.Path, "i18n", "en.json");
        var description = "Connects to #SUBDOMAIN# &mdash; see <a href=\\\"https://example.com/docs\\\" target=\\\"_blank\\\" onclick=\\\"window.__clicked = true\\\">the docs</a>"
            + " <a href=\\\"javascript:window.__js = true\\\">no</a><img src=\\\"x\\\" onerror=\\\"window.__descrXss = 'img'\\\">"
            + "<script>window.__descrXss = 'script'</script> <b onmouseover=\\\"window.__descrXss = 'b'\\\">bold</b>.";
        File.WriteAllText(i18n, File.ReadAllText(i18n).Replace("Connects to the <b>demo</b> service of #SUBDOMAIN#.", description));
        await using var host = await RunningHost.StartAsync(widget.Path);
        var page = await OpenAsync(host, "/settings/widgets/#settings_custom");
        var descr = page.Locator(".modal.settings_custom .widget_settings_block__descr");
        await Assertions.Expect(descr).ToHaveTextAsync("Connects to devaccount \u2014 see the docs no bold.");
        var link = descr.Locator("a[href='https://example.com/docs']");
        await Assertions.Expect(link).ToHaveTextAsync("the docs");
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
        Assert.Null(await link.GetAttributeAsync("onclick"));
        Assert.Null(await descr.Locator("a", new LocatorLocatorOptions { HasText = "no" }).GetAttributeAsync("href"));
        await Assertions.Expect(descr.Locator("img, script")).ToHaveCountAsync(0);
        await Assertions.Expect(descr.Locator("b")).ToHaveTextAsync("bold");
        await descr.Locator("b").HoverAsync();
        await page.WaitForTimeoutAsync(200);
        Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.__descrXss || 'none')"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Leads_list_runs_leads_selected_for_the_ticked_rows()
    {
        using var widget = TempWidget.Copy("list_selected");
        await using var host = await RunningHost.StartAsync(widget.Path);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/list/");
        Assert.Equal(["render@llist", "init@llist", "bind_actions@llist"], await CallsAsync(page));
        await page.CheckAsync(".js-item-id-30000001 .js-list-checkbox");
        await page.CheckAsync(".js-item-id-30000003 .js-list-checkbox");
        await page.ClickAsync(".js-list-more");
        await page.ClickAsync(".js-widget-mass-action[data-code=list_selected]");
        await Assertions.Expect(page.Locator("#widgets_overlay .mass-sender")).ToHaveTextAsync("leads: 2 selected (30000001,30000003)");
        Assert.Equal("leads.selected@llist", (await CallsAsync(page)).Last());
        await ShotAsync(page, "leads-list");

        // tlist-0: todo.selected runs, but there is no panel to draw into.
        await page.EvaluateAsync("() => window.__kommoDev.navigate('/todo/list/')");
        await WaitReadyAsync(page);
        await page.CheckAsync(".js-item-id-50000002 .js-list-checkbox");
        await page.ClickAsync(".js-list-more");
        await page.ClickAsync(".js-widget-mass-action");
        Assert.Equal(["destroy@llist", "render@tlist", "init@tlist", "bind_actions@tlist", "todo.selected@tlist"], (await CallsAsync(page)).Skip(4).ToArray());
        await Assertions.Expect(page.Locator("#widgets_overlay")).Not.ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Advanced_settings_dp_menu_page_salesbot_and_card_sdk_run_their_callbacks()
    {
        using (var widget = TempWidget.Copy("advanced"))
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            await InstallAsync(host);
            var page = await OpenAsync(host, "/settings/widgets/advanced/");
            await Assertions.Expect(page.Locator("#work-area-advanced .advanced-demo")).ToHaveTextAsync("Advanced page of advanced for account devaccount (moment ok)");
            await Assertions.Expect(page.Locator(".settings-advanced__title")).ToHaveTextAsync("Advanced demo settings");
            Assert.Equal(["render@advanced_settings", "init@advanced_settings", "bind_actions@advanced_settings", "advancedSettings@advanced_settings"], await CallsAsync(page));
            // everywhere: the dashboard runs render/init/bind_actions in its own area.
            await page.EvaluateAsync("() => window.__kommoDev.navigate('/dashboard/')");
            await WaitReadyAsync(page);
            Assert.Equal(["destroy@advanced_settings", "render@dashboard", "init@dashboard", "bind_actions@dashboard"], (await CallsAsync(page)).Skip(4).ToArray());
            await page.CloseAsync();
        }

        using (var widget = TempWidget.Copy("digital_pipeline"))
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            await InstallAsync(host);
            var page = await OpenAsync(host, "/settings/pipeline/leads/8000001/");
            await page.ClickAsync(".digital-pipeline__short-task_widget-style_digital_pipeline");
            await Assertions.Expect(page.Locator("#widget_settings__fields_wrapper .dp-demo__hint")).ToHaveTextAsync("Sent when the lead enters the stage");
            await Assertions.Expect(page.Locator("#widget_settings__fields_wrapper .widget_settings_block__title_field")).ToHaveTextAsync("Message to send *:");
            Assert.Equal("dpSettings@digital_pipeline", (await CallsAsync(page)).Last());
            await page.FillAsync("#widget_settings__fields_wrapper input[name=message]", "Hi there");
            await page.ClickAsync(".js-dp-save");
            await Assertions.Expect(page.Locator(".digital-pipeline__saved")).ToContainTextAsync("\"message\": \"Hi there\"");
            await page.ClickAsync(".digital-pipeline__modal .modal-body__close");
            Assert.Equal("destroy@digital_pipeline", (await CallsAsync(page)).Last());
            await page.ClickAsync(".digital-pipeline__short-task_widget-style_digital_pipeline");
            await Assertions.Expect(page.Locator("#widget_settings__fields_wrapper input[name=message]")).ToHaveValueAsync("Hi there");
            await page.ClickAsync(".digital-pipeline__modal .modal-body__close");

            // lead_sources on the same pipeline settings page: onAddAsSource(pipeline_id).
            await page.ClickAsync(".js-add-source");
            await Assertions.Expect(page.Locator(".digital-pipeline__sources__list")).ToHaveTextAsync("DP Demo");
            await page.WaitForFunctionAsync("() => window.__source === '8000001/8000001'");
            Assert.Equal("onAddAsSource@lead_sources", (await CallsAsync(page)).Last());
            await page.CloseAsync();
        }

        using (var widget = TempWidget.Copy("widget_page"))
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            await InstallAsync(host);
            var page = await OpenAsync(host, "/dashboard/");
            await page.ClickAsync(".nav__menu__item_widget a.nav__menu__item__link");
            await WaitReadyAsync(page);
            Assert.Equal("/widget_page/widget_page/reports/", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("#work-area-widget_page .menu-demo")).ToHaveTextAsync("Menu page widget_page/reports");
            Assert.Equal("initMenuPage@widget_page", (await CallsAsync(page)).Last());
            await page.CloseAsync();
        }

        using (var widget = TempWidget.Copy("salesbot"))
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            await InstallAsync(host);
            var page = await OpenAsync(host, "/salesbot/designer/");
            await Assertions.Expect(page.Locator(".js-salesbot-handler")).ToContainTextAsync("Send an offer");
            await page.ClickAsync(".js-salesbot-add");
            await Assertions.Expect(page.Locator(".bot-demo__preview")).ToHaveTextAsync("Our best offer");
            await Assertions.Expect(page.Locator(".salesbot-designer__exit")).ToHaveTextAsync(["Sent", "Failed"]);
            await page.FillAsync(".salesbot-designer__param[data-param=amount] input", "42");
            await page.ClickAsync(".js-salesbot-save");
            await Assertions.Expect(page.Locator("#salesbot_json")).ToContainTextAsync("\"handler\": \"widget_request\"");
            await Assertions.Expect(page.Locator("#salesbot_json")).ToContainTextAsync("\"amount\": \"42\"");
            Assert.Equal(["salesbotDesignerSettings@salesbot_designer", "onSalesbotDesignerSave@salesbot_designer"], (await CallsAsync(page)).Skip(3).ToArray());
            await page.CloseAsync();
        }

        using (var widget = TempWidget.Copy("card_sdk"))
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            await InstallAsync(host);
            var page = await OpenAsync(host, "/leads/detail/30000002");
            await page.ClickAsync(".card-tabs__item[data-tab=card_sdk]");
            await Assertions.Expect(page.Locator("#card_sdk .card-sdk__linked .card-sdk__item__name")).ToHaveTextAsync(["Support plan"]);
            await Assertions.Expect(page.Locator("#card_sdk .card-sdk__catalog .card-sdk__item__name")).ToHaveTextAsync(["Widget license", "Support plan"]);
            await page.ClickAsync("#card_sdk .card-sdk__catalog .card-sdk__item[data-id='11'] .card-sdk__link");
            await Assertions.Expect(page.Locator("#card_sdk .card-sdk__linked .card-sdk__item__name")).ToHaveTextAsync(["Support plan", "Widget license"]);
            await page.FillAsync(".js-card-sdk-search", "lic");
            await page.Locator(".js-card-sdk-search").DispatchEventAsync("change");
            await Assertions.Expect(page.Locator("#card_sdk .card-sdk__catalog .card-sdk__item__name")).ToHaveTextAsync(["Widget license"]);
            Assert.Equal(["loadPreloadedData@lcard", "loadElements@lcard", "linkCard@lcard", "searchDataInCard@lcard"], (await CallsAsync(page)).Skip(3).ToArray());
            Assert.Equal(11, await page.EvaluateAsync<int>("() => window.__sdkLinks[0][0].to_id"));
            await Assertions.Expect(page.Locator(".card-widgets__widget-card_sdk")).ToHaveCountAsync(0);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Broken_widget_shows_the_overlay_with_file_and_line_and_echoes_to_the_terminal()
    {
        using var widget = TempWidget.Copy("broken");
        await using var host = await RunningHost.StartAsync(widget.Path);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        var overlay = page.Locator("#kommo-dev-overlay");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToContainTextAsync("render returned undefined, so init and bind_actions were not called");
        await Assertions.Expect(overlay).ToContainTextAsync("script.js:6:17 console.error: render could not find its container");
        await Assertions.Expect(overlay).ToContainTextAsync("script.js:9:19 Uncaught TypeError: Cannot read properties of null");
        Assert.Equal(["render@lcard"], await CallsAsync(page));
        await ShotAsync(page, "broken-overlay");
        var log = host.Log.ToString();
        Assert.Contains("[browser] [lcard] script.js:6:17: error: console.error: render could not find its container", log);
        Assert.Contains("script.js:9:19: error: Uncaught TypeError", log);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Saving_a_file_re_runs_the_widget_in_place_and_a_css_change_swaps_the_stylesheet()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, watch: true);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        await page.EvaluateAsync("() => { window.__samePage = true; window.__kommoDev.calls.length = 0; }");
        var title = page.Locator(".card-widgets__widget-card_panel .card-panel-demo__title");

        // A CSS-only change: the stylesheet is swapped, the widget is not re-run.
        var css = Path.Combine(widget.Path, "style.css");
        File.WriteAllText(css, File.ReadAllText(css).Replace("rgb(1, 2, 3)", "rgb(4, 5, 6)"));
        await Assertions.Expect(title).ToHaveCSSAsync("color", "rgb(4, 5, 6)");
        Assert.Empty(await CallsAsync(page));

        // A script change: destroy, load the new code, render → init → bind_actions, without reloading the page.
        var i18n = Path.Combine(widget.Path, "i18n", "en.json");
        File.WriteAllText(i18n, File.ReadAllText(i18n).Replace("Hello from the panel", "Hello again"));
        await Assertions.Expect(title).ToHaveTextAsync("Hello again");
        await page.WaitForFunctionAsync("() => window.__kommoDev.reloads === 1 && window.__kommoDev.ready");
        Assert.Equal(["destroy@lcard", "render@lcard", "init@lcard", "bind_actions@lcard"], await CallsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));
        output.WriteLine($"re-run in the page took {await page.EvaluateAsync<int>("() => window.__kommoDev.lastReloadMs")} ms (benchmark only)");

        // A broken save shows the overlay; fixing it clears it.
        var main = Path.Combine(widget.Path, "script.js");
        var good = File.ReadAllText(main);
        var broken = good.Replace("bind_actions: function () { return true; },", "bind_actions: function () { return true; ,");
        Assert.NotEqual(good, broken);
        File.WriteAllText(main, broken);
        await Assertions.Expect(page.Locator("#kommo-dev-overlay")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kommo-dev-overlay")).ToContainTextAsync("script.js");
        File.WriteAllText(main, good);
        await Assertions.Expect(page.Locator("#kommo-dev-overlay")).Not.ToBeVisibleAsync();
        await Assertions.Expect(title).ToHaveTextAsync("Hello again");
        await ShotAsync(page, "live-reload");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Shell_has_the_index_a_dark_theme_and_a_not_installed_banner()
    {
        using var widget = TempWidget.Copy("list_selected");
        await using var host = await RunningHost.StartAsync(widget.Path);
        var page = await OpenAsync(host, "/");
        await Assertions.Expect(page.Locator(".kommo-dev-index__table tbody tr")).ToHaveCountAsync(16);
        await Assertions.Expect(page.Locator(".kommo-dev-index__table")).ToContainTextAsync("/settings/pipeline/leads/8000001/");

        // Not installed yet: Kommo does not load the widget in lists, the page says how to install it.
        await page.ClickAsync(".nav__menu__item[data-entity=leads] > a");
        await WaitReadyAsync(page);
        await Assertions.Expect(page.Locator(".kommo-dev-banner")).ToContainTextAsync("is not installed");
        Assert.Empty(await CallsAsync(page));

        await page.ClickAsync("#kommo-dev-theme");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('kommo-theme-dark')"));
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => APP.constant('user').theme"));
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(28, 35, 43)");
        await ShotAsync(page, "dark-list");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Init_once_runs_init_and_bind_actions_only_in_the_first_area_of_the_session()
    {
        using var widget = TempWidget.Copy("card_panel");
        var manifest = Path.Combine(widget.Path, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"init_once\": false", "\"init_once\": true"));
        await using var host = await RunningHost.StartAsync(widget.Path);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        await page.EvaluateAsync("() => window.__kommoDev.navigate('/contacts/detail/10000001')");
        await WaitReadyAsync(page);
        Assert.Equal(["render@lcard", "init@lcard", "bind_actions@lcard", "destroy@lcard", "render@ccard", "init@ccard"], await CallsAsync(page));
        Assert.Equal("skipped (init_once)", await page.EvaluateAsync<string>("() => window.__kommoDev.calls[5].result"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Every_system_control_template_renders_with_kommo_class_names()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path);
        await InstallAsync(host);
        var page = await OpenAsync(host, "/leads/detail/30000001");
        var rendered = await page.EvaluateAsync<Dictionary<string, string>>(@"() => {
            const self = APP.widgets.list.card_panel;
            const items = [{ id: 1, option: 'One' }, { id: 2, option: 'Two', is_checked: true }];
            const params = {
                button: { text: 'Go', blue: true, id: 'b1' },
                cancel_button: { text: 'Cancel' },
                delete_button: { text: 'Delete' },
                input: { name: 'q', value: 'v', placeholder: 'p' },
                textarea: { name: 't', value: 'text' },
                select: { name: 's', items: items, selected: 2 },
                checkbox: { name: 'c', checked: true, text: 'Check' },
                checkboxes_dropdown: { name: 'cd', items: items },
                radio: { name: 'r', value: 1, label: 'Radio', selected: true },
                suggest: { name: 'sg', items: [{ id: 1, value: 'Alpha' }] },
                multiselect: { name: 'm', values: [{ id: 1, value: 'A' }, { id: 2, value: 'B' }], selected: [2] },
                date_field: { name: 'd', value: '01.01.2025' },
                file: { name: 'f', text: 'Upload' },
                switcher: { name: 'sw', checked: true }
            };
            const out = {};
            for (const name of Object.keys(params)) {
                out[name] = self.render({ ref: '/tmpl/controls/' + name + '.twig' }, params[name]);
            }
            return out;
        }");
        Assert.Contains("button-input_blue", rendered["button"]);
        Assert.Contains("button-input-inner__text\">Go", rendered["button"]);
        Assert.Contains("button-cancel", rendered["cancel_button"]);
        Assert.Contains("icon-delete-trash", rendered["delete_button"]);
        Assert.Contains("class=\"text-input\" name=\"q\"", rendered["input"]);
        Assert.Contains(">text</textarea>", rendered["textarea"]);
        Assert.Contains("control--select--list--item-selected", rendered["select"]);
        Assert.Contains("<span class=\"control--select--button-inner\">Two</span>", rendered["select"]);
        Assert.Contains("name=\"s\" value=\"2\"", rendered["select"]);
        Assert.Contains("control-checkbox is-checked", rendered["checkbox"]);
        Assert.Contains("checkboxes_dropdown__title\">Two", rendered["checkboxes_dropdown"]);
        Assert.Contains("control-radio__label control-radio-label-text\">Radio", rendered["radio"]);
        Assert.Contains("control--suggest--list--item", rendered["suggest"]);
        Assert.Contains("value=\"2\" checked", rendered["multiselect"]);
        Assert.Contains("date_field", rendered["date_field"]);
        Assert.Contains("type=\"file\"", rendered["file"]);
        Assert.Contains("switcher__on", rendered["switcher"]);
        Assert.Empty(await ProblemsAsync(page));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_widget_reads_the_open_lead_from_the_sandbox_api_and_the_card_status_select_sets_off_the_dp_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var widget = TempWidget.Copy("api_panel");
        var manifestPath = System.IO.Path.Combine(widget.Path, "manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("\"action_multiple\": false", $"\"action_multiple\": false, \"webhook_url\": \"{receiver.Url}\""));
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "browser-token" });
        await InstallAsync(host);
        using var http = SandboxTests.Plain();
        const long leadId = 30000004;
        var lead = await SandboxTests.GetJsonAsync(http, $"{host.Address}/api/v4/leads/{leadId}", "browser-token");
        var (pipeline, stages) = await SandboxTests.StagesAsync(http, host.Address, "browser-token");
        var target = stages.First(s => s != lead.GetProperty("status_id").GetInt64() || lead.GetProperty("pipeline_id").GetInt64() != pipeline);
        (await http.PostAsJsonAsync($"{host.Address}/__kommo/api/dp/{pipeline}/{target}", new { message = "Hi there" })).EnsureSuccessStatusCode();

        var page = await OpenAsync(host, $"/leads/detail/{leadId}");
        var block = page.Locator(".card-widgets__widget-api_panel");
        await Assertions.Expect(block.Locator(".api-panel__name")).ToHaveTextAsync(lead.GetProperty("name").GetString()!);
        await Assertions.Expect(block.Locator(".api-panel__price")).ToHaveTextAsync("Budget: " + lead.GetProperty("price").GetInt64());
        await Assertions.Expect(page.Locator("#person_name")).ToHaveValueAsync(lead.GetProperty("name").GetString()!);
        await ShotAsync(page, "api-panel");

        // The card header's status select moves the lead through the sandbox API, like Kommo's.
        var option = page.Locator($"select[name='lead[STATUS]'] option[value='{target}'][data-pipeline='{pipeline}']");
        await page.SelectOptionAsync("select[name='lead[STATUS]']", new SelectOptionValue { Index = await option.EvaluateAsync<int>("o => o.index") });
        await Assertions.Expect(page.Locator(".card-fields__status-note")).ToContainTextAsync("Moved to");
        var account = await SandboxTests.GetJsonAsync(http, host.Address + "/api/v4/account", "browser-token");
        SandboxTests.AssertPayload((await receiver.NextAsync()).Body, 14, leadId, pipeline, target, account);
        var moved = await SandboxTests.GetJsonAsync(http, $"{host.Address}/api/v4/leads/{leadId}", "browser-token");
        Assert.Equal(target, moved.GetProperty("status_id").GetInt64());
        Assert.Equal(target, await page.EvaluateAsync<long>("() => APP.constant('card_element').status"));
        Assert.Empty(await ProblemsAsync(page));
        await page.CloseAsync();
    }
}
