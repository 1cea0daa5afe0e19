using System.Net;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class LinksWidgetsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    [Fact]
    public async Task Link_and_unlink_are_symmetric_and_keep_one_main_contact()
    {
        var (status, body, _) = await S.Post("/api/v4/leads/30000021/link", """[ { "to_entity_id": 10000012, "to_entity_type": "contacts", "metadata": { "is_main": true } } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        var link = body!["_embedded"]!["links"]![0]!;
        Assert.Equal(30000021L, (long)link["entity_id"]!);
        Assert.True((bool)link["metadata"]!["main_contact"]!);

        var (_, links, _) = await S.Get("/api/v4/leads/30000021/links?filter[to_entity_type]=contacts");
        var contacts = links!["_embedded"]!["links"]!.AsArray();
        Assert.Single(contacts, l => (bool)l!["metadata"]!["main_contact"]!);
        Assert.Contains(S.Store.GetEntity("contacts", 10000012, "leads")!["_embedded"]!["leads"]!.AsArray(), l => (long)l!["id"]! == 30000021);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Post("/api/v4/leads/30000021/unlink", """[ { "to_entity_id": 10000012, "to_entity_type": "contacts" } ]""")).Status);
        Assert.DoesNotContain(S.Store.GetEntity("contacts", 10000012, "leads")!["_embedded"]!["leads"]!.AsArray(), l => (long)l!["id"]! == 30000021);
    }

    [Fact]
    public async Task Mass_link_endpoints_and_validation()
    {
        var (status, _, _) = await S.Post("/api/v4/companies/link", """[ { "entity_id": 20000005, "to_entity_id": 30000022, "to_entity_type": "leads" } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(20000005L, (long)S.Store.GetEntity("leads", 30000022)!["_embedded"]!["companies"]!.AsArray().Single()!["id"]!);

        var (_, many, _) = await S.Get("/api/v4/companies/links?filter[entity_id][]=20000005&filter[entity_id][]=20000006");
        Assert.Contains(many!["_embedded"]!["links"]!.AsArray(), l => (long)l!["to_entity_id"]! == 30000022);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Get("/api/v4/companies/links")).Status);

        var (bad, errors, _) = await S.Post("/api/v4/contacts/10000001/link", """[ { "to_entity_id": 30000001, "to_entity_type": "leads" }, { "to_entity_id": 1, "to_entity_type": "companies" } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["to_entity_type", "to_entity_id"], errors!["validation-errors"]!.AsArray().Select(e => (string)e!["errors"]![0]!["path"]!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await S.Get("/api/v4/leads/1/links")).Status);
    }

    [Fact]
    public async Task Widgets_list_and_own_widget_shape()
    {
        var (_, body, _) = await S.Get("/api/v4/widgets");
        var widgets = body!["_embedded"]!["widgets"]!.AsArray();
        Assert.Equal(3, widgets.Count);
        Assert.Null(widgets[0]!["settings"]); // public widgets do not reveal settings
        var own = widgets.Single(w => (string?)w!["code"] == "test_widget")!;
        Assert.Equal("1.2.3", (string?)own["version"]);
        Assert.True((bool)own["is_work_with_dp"]!);
        Assert.Equal("api_key", (string?)own["settings_template"]![0]!["key"]);
        Assert.True((bool)own["settings_template"]![0]!["is_required"]!);
        Assert.Equal($"{S.BaseUrl}/api/v4/widgets/test_widget", (string?)own["_links"]!["self"]!["href"]);
        var (missing, _, _) = await S.Get("/api/v4/widgets/no_such_widget");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Widget_install_checks_required_settings_and_uninstall_is_204()
    {
        var (bad, errors, _) = await S.Post("/api/v4/widgets/test_widget", """{ "password": "x" }""");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("api_key", (string?)errors!["validation-errors"]![0]!["errors"]![0]!["path"]);

        var (status, body, _) = await S.Post("/api/v4/widgets/test_widget", """{ "api_key": "k-1", "password": "secret" }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body!["is_active_in_account"]!);
        Assert.Equal("k-1", (string?)body["settings"]!["api_key"]);
        Assert.Equal("k-1", (string?)(await S.Get("/api/v4/widgets/test_widget")).Body!["settings"]!["api_key"]);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Send(HttpMethod.Delete, "/api/v4/widgets/test_widget", null)).Status);
        Assert.False((bool)(await S.Get("/api/v4/widgets/test_widget")).Body!["is_active_in_account"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await S.Send(HttpMethod.Delete, "/api/v4/widgets/nope", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await S.Send(HttpMethod.Post, "/api/v4/widgets/sandbox_forms", null)).Status);
    }
}
