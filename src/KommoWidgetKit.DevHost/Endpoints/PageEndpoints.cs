namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>One page of the emulated interface: its route, an example URL and what it shows.</summary>
internal sealed record PageRoute(string Pattern, string Example, string Title);

/// <summary>The emulated Kommo pages, all served by the same shell; the runtime routes on <c>location.pathname</c>.</summary>
internal static class PageEndpoints
{
    /// <summary>The pages, with example ids taken from <paramref name="data"/> (the first record of each kind).</summary>
    public static IReadOnlyList<PageRoute> Pages(string code, State.IHostData? data = null)
    {
        string First(string type) => data?.List(type).FirstOrDefault()?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1";
        var pipeline = data?.Pipelines.FirstOrDefault()?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1";
        return
    [
        new("/", "/", "dev host index: every page with the locations that load the widget there"),
        new("/dashboard/", "/dashboard/", "dashboard (everywhere)"),
        new("/leads/pipeline/", "/leads/pipeline/", "leads pipeline board (everywhere)"),
        new("/leads/detail/{id}", $"/leads/detail/{First("leads")}", "lead card (lcard; card_sdk tab)"),
        new("/contacts/detail/{id}", $"/contacts/detail/{First("contacts")}", "contact card (ccard; card_sdk tab)"),
        new("/companies/detail/{id}", $"/companies/detail/{First("companies")}", "company card (comcard; card_sdk tab)"),
        new("/customers/detail/{id}", $"/customers/detail/{First("customers")}", "customer card (cucard)"),
        new("/leads/list/", "/leads/list/", "leads list (llist, leads.selected)"),
        new("/contacts/list/contacts/", "/contacts/list/contacts/", "contacts list (clist, contacts.selected)"),
        new("/contacts/list/companies/", "/contacts/list/companies/", "companies list (clist, contacts.selected)"),
        new("/customers/list/", "/customers/list/", "customers list (culist)"),
        new("/todo/list/", "/todo/list/", "tasks list (tlist, todo.selected)"),
        new("/settings/widgets/", "/settings/widgets/", "widget settings: the widget's settings modal (settings, onSave)"),
        new("/settings/widgets/{code}/", $"/settings/widgets/{code}/", "advanced settings page (advanced_settings)"),
        new("/settings/pipeline/leads/{id}/", $"/settings/pipeline/leads/{pipeline}/", "digital pipeline settings with the widget's block (digital_pipeline)"),
        new("/widget_page/{code}/{item}/", $"/widget_page/{code}/main/", "left-menu page (widget_page, initMenuPage)"),
        new("/widget_page/{code}/{item}/{subitem}/", $"/widget_page/{code}/main/sub/", "left-menu sub-page (widget_page)"),
        new("/salesbot/designer/", "/salesbot/designer/", "Salesbot designer with the widget's handlers (salesbot_designer)"),
    ];
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app, DevHostContext context)
    {
        foreach (var page in Pages("{code}"))
        {
            app.MapGet(page.Pattern, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                // Like Kommo's session: the page's own /api/v4 calls are authorised without the widget adding a header.
                http.Response.Cookies.Append(DevHostContext.SessionCookie(http), context.ApiToken, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Path = "/",
                    IsEssential = true,
                });
                return TypedResults.Text(EmbeddedAssets.Text("assets/shell.html"), "text/html; charset=utf-8");
            }).ExcludeFromDescription();
        }
        return app;
    }
}
