using System.Net;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class PipelinesFieldsTagsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    [Fact]
    public async Task Pipelines_embed_statuses_with_shared_won_and_lost()
    {
        var (_, body, _) = await S.Get("/api/v4/leads/pipelines");
        Assert.True((int)body!["_total_items"]! >= 2);
        Assert.Null(body["_page"]);
        var main = body["_embedded"]!["pipelines"]![0]!;
        Assert.True((bool)main["is_main"]!);
        var statuses = main["_embedded"]!["statuses"]!.AsArray();
        Assert.Equal(1L, (long)statuses[0]!["type"]!);
        Assert.False((bool)statuses[0]!["is_editable"]!);
        Assert.Contains(statuses, s => (long)s!["id"]! == 142);
        Assert.Contains(statuses, s => (long)s!["id"]! == 143);
        var pid = (long)main["id"]!;
        Assert.Equal($"{S.BaseUrl}/api/v4/leads/pipelines/{pid}/statuses/142", (string?)statuses.First(s => (long)s!["id"]! == 142)!["_links"]!["self"]!["href"]);

        var (_, one, _) = await S.Get($"/api/v4/leads/pipelines/{pid}/statuses/142");
        Assert.Equal("Closed - won", (string?)one!["name"]);
        var (missing, problem, _) = await S.Get("/api/v4/leads/pipelines/0/statuses");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Pipeline not found", (string?)problem!["detail"]);
    }

    [Fact]
    public async Task Pipelines_and_statuses_are_added_edited_and_deleted()
    {
        var (status, body, _) = await S.Post("/api/v4/leads/pipelines", """
            [ { "name": "Service", "sort": 30, "is_main": false, "_embedded": { "statuses": [ { "name": "Booked", "sort": 20, "color": "#fffeb2" } ] }, "request_id": "p" } ]
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var pipeline = body!["_embedded"]!["pipelines"]![0]!;
        Assert.Equal("p", (string?)pipeline["request_id"]);
        var pid = (long)pipeline["id"]!;
        Assert.Equal(["Incoming leads", "Booked", "Closed - won", "Closed - lost"], pipeline["_embedded"]!["statuses"]!.AsArray().Select(s => (string)s!["name"]!).ToArray());

        var (added, statuses, _) = await S.Post($"/api/v4/leads/pipelines/{pid}/statuses", """[ { "name": "Done soon", "sort": 30, "color": "#98cbff" } ]""");
        Assert.Equal(HttpStatusCode.OK, added);
        var sid = (long)statuses!["_embedded"]!["statuses"]![0]!["id"]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Post($"/api/v4/leads/pipelines/{pid}/statuses", """[ { "name": "Ugly", "color": "#123456" } ]""")).Status);

        Assert.Equal("Almost done", (string?)(await S.Patch($"/api/v4/leads/pipelines/{pid}/statuses/{sid}", """{ "name": "Almost done" }""")).Body!["name"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await S.Patch($"/api/v4/leads/pipelines/{pid}/statuses/142", """{ "name": "x" }""")).Status);
        Assert.Equal("Service desk", (string?)(await S.Patch($"/api/v4/leads/pipelines/{pid}", """{ "name": "Service desk" }""")).Body!["name"]);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Send(HttpMethod.Delete, $"/api/v4/leads/pipelines/{pid}/statuses/{sid}", null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Send(HttpMethod.Delete, $"/api/v4/leads/pipelines/{pid}", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await S.Get($"/api/v4/leads/pipelines/{pid}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Send(HttpMethod.Delete, "/api/v4/leads/pipelines/8000001", null)).Status);
    }

    [Fact]
    public async Task Loss_reasons_are_listed()
    {
        var (_, body, _) = await S.Get("/api/v4/leads/loss_reasons");
        Assert.Equal(3, (int)body!["_total_items"]!);
        Assert.Equal("Too expensive", (string?)(await S.Get("/api/v4/leads/loss_reasons/4200001")).Body!["name"]);
    }

    [Fact]
    public async Task Custom_fields_list_has_totals_and_type_filter()
    {
        var (_, body, _) = await S.Get("/api/v4/contacts/custom_fields?limit=2");
        Assert.Equal(6, (int)body!["_total_items"]!);
        Assert.Equal(3, (int)body["_page_count"]!);
        Assert.Equal(2, body["_embedded"]!["custom_fields"]!.AsArray().Count);
        var (_, multi, _) = await S.Get("/api/v4/contacts/custom_fields?filter[type][]=multitext");
        var codes = multi!["_embedded"]!["custom_fields"]!.AsArray().Select(f => (string)f!["code"]!).ToArray();
        Assert.Equal(["PHONE", "EMAIL"], codes);
        var phone = multi["_embedded"]!["custom_fields"]![0]!;
        Assert.Equal(["WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER"], phone["enums"]!.AsArray().Select(e => (string)e!["value"]!).ToArray());
        Assert.False((bool)phone["is_deletable"]!);
        Assert.Equal("contacts", (string?)phone["entity_type"]);
    }

    [Fact]
    public async Task Custom_fields_are_added_edited_and_deleted()
    {
        var (status, body, _) = await S.Post("/api/v4/companies/custom_fields", """
            [ { "name": "Tier", "type": "select", "enums": [ { "value": "Gold", "sort": 1 }, { "value": "Silver", "sort": 2 } ], "request_id": "t" },
              { "name": "Founded", "type": "date" } ]
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var tier = body!["_embedded"]!["custom_fields"]![0]!;
        Assert.Equal("t", (string?)tier["request_id"]);
        Assert.Equal("select", (string?)tier["type"]);
        var id = (long)tier["id"]!;
        Assert.Equal(2, tier["enums"]!.AsArray().Count);

        var gold = (long)tier["enums"]![0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/companies/20000002", $$"""{ "custom_fields_values": [ { "field_id": {{id}}, "values": [ { "enum_id": {{gold}} } ] } ] }""")).Status);
        var (edited, def, _) = await S.Patch($"/api/v4/companies/custom_fields/{id}", """{ "name": "Level" }""");
        Assert.Equal(HttpStatusCode.OK, edited);
        Assert.Equal("Level", (string?)def!["name"]);
        Assert.Contains(S.Store.GetEntity("companies", 20000002)!["custom_fields_values"]!.AsArray(), f => (string?)f!["field_name"] == "Level");

        var (bad, errors, _) = await S.Post("/api/v4/companies/custom_fields", """[ { "name": "Phones", "type": "chained_list" }, { "type": "select" } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(2, errors!["validation-errors"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Send(HttpMethod.Delete, $"/api/v4/companies/custom_fields/{id}", null)).Status);
        Assert.DoesNotContain(S.Store.GetEntity("companies", 20000002)!["custom_fields_values"]?.AsArray() ?? [], f => (long)f!["field_id"]! == id);
        var phoneId = (long)S.Store.GetCustomFields("companies").First(f => (string?)f!["code"] == "PHONE")!["id"]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Send(HttpMethod.Delete, $"/api/v4/companies/custom_fields/{phoneId}", null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get($"/api/v4/companies/custom_fields/{id}")).Status);

        var (_, groups, _) = await S.Get("/api/v4/companies/custom_fields/groups");
        Assert.Equal("companies_default", (string?)groups!["_embedded"]!["custom_field_groups"]![0]!["id"]);
        Assert.Equal(HttpStatusCode.OK, (await S.Post("/api/v4/companies/custom_fields/groups", """[ { "name": "Extra" } ]""")).Status);
    }

    [Fact]
    public async Task Tags_list_search_and_add()
    {
        var (_, body, _) = await S.Get("/api/v4/leads/tags?query=ho");
        Assert.Equal(["hot"], body!["_embedded"]!["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToArray());
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/companies/tags?filter[name]=hot")).Status);

        var (status, added, _) = await S.Post("/api/v4/contacts/tags", """[ { "name": "partner-x", "color": "FFCE5A", "request_id": "a" }, { "name": "vip" } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)added!["_total_items"]!);
        Assert.Equal("a", (string?)added["_embedded"]!["tags"]![0]!["request_id"]);
        var (_, vip, _) = await S.Get("/api/v4/contacts/tags?filter[name]=vip");
        Assert.Equal((long)vip!["_embedded"]!["tags"]![0]!["id"]!, (long)added["_embedded"]!["tags"]![1]!["id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Post("/api/v4/contacts/tags", """[ { "name": "c", "color": "red" } ]""")).Status);
    }
}
