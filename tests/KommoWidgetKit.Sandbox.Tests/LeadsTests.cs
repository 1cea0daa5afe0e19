using System.Net;
using System.Text.Json.Nodes;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class LeadsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    private static List<long> Ids(JsonNode? body, string key) =>
        body!["_embedded"]![key]!.AsArray().Select(n => (long)n!["id"]!).ToList();

    [Fact]
    public async Task List_has_hal_envelope_with_page_links_and_lead_shape()
    {
        var (status, body, response) = await S.Get("/api/v4/leads?limit=5&page=2&with=contacts");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (int)body!["_page"]!);
        var links = body["_links"]!;
        Assert.Equal($"{S.BaseUrl}/api/v4/leads?with=contacts&limit=5&page=2", (string?)links["self"]!["href"]);
        Assert.Equal($"{S.BaseUrl}/api/v4/leads?with=contacts&limit=5&page=3", (string?)links["next"]!["href"]);
        Assert.Equal($"{S.BaseUrl}/api/v4/leads?with=contacts&limit=5&page=1", (string?)links["prev"]!["href"]);
        Assert.Equal($"{S.BaseUrl}/api/v4/leads?with=contacts&limit=5&page=1", (string?)links["first"]!["href"]);
        var leads = body["_embedded"]!["leads"]!.AsArray();
        Assert.Equal(5, leads.Count);
        var lead = leads[0]!.AsObject();
        string[] keys = ["id", "name", "price", "responsible_user_id", "group_id", "status_id", "pipeline_id", "loss_reason_id", "created_by",
            "updated_by", "created_at", "updated_at", "closed_at", "closest_task_at", "is_deleted", "custom_fields_values", "score", "account_id",
            "labor_cost", "_links", "_embedded"];
        Assert.Equal(keys, lead.Select(p => p.Key).ToArray());
        Assert.Equal($"{S.BaseUrl}/api/v4/leads/{(long)lead["id"]!}", (string?)lead["_links"]!["self"]!["href"]);
        var embedded = lead["_embedded"]!.AsObject();
        Assert.NotNull(embedded["tags"]);
        Assert.NotNull(embedded["companies"]);
        var contact = embedded["contacts"]!.AsArray()[0]!;
        Assert.True((bool)contact["is_main"]!);
        Assert.StartsWith($"{S.BaseUrl}/api/v4/contacts/", (string?)contact["_links"]!["self"]!["href"]);
    }

    [Fact]
    public async Task Contacts_are_embedded_only_with_with_contacts()
    {
        var (_, body, _) = await S.Get("/api/v4/leads/30000001");
        Assert.Null(body!["_embedded"]!["contacts"]);
        Assert.Null(body["source_id"]);
        var (_, withContacts, _) = await S.Get("/api/v4/leads/30000001?with=contacts,source_id,is_price_modified_by_robot");
        Assert.NotEmpty(withContacts!["_embedded"]!["contacts"]!.AsArray());
        Assert.True(withContacts.AsObject().ContainsKey("source_id"));
        Assert.False((bool)withContacts["is_price_modified_by_robot"]!);
    }

    [Fact]
    public async Task Last_page_has_no_next_and_past_the_end_is_204()
    {
        var (_, body, _) = await S.Get("/api/v4/leads?limit=250");
        var total = Ids(body, "leads").Count;
        Assert.True(total >= 30);
        Assert.Null(body!["_links"]!["next"]);

        var (past, empty, response) = await S.Get("/api/v4/leads?limit=250&page=2");
        Assert.Equal(HttpStatusCode.NoContent, past);
        Assert.Null(empty);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Limit_over_250_is_refused_and_bad_paging_is_400()
    {
        var (status, body, response) = await S.Get("/api/v4/leads?limit=251");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Limit 250 per page", (string?)body!["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Get("/api/v4/leads?limit=abc")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Get("/api/v4/leads?page=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Get("/api/v4/leads?filter[id]=x")).Status);
    }

    [Fact]
    public async Task Filters_query_and_order_narrow_and_sort_the_list()
    {
        var (_, byId, _) = await S.Get("/api/v4/leads?filter[id][]=30000002&filter[id][]=30000005");
        Assert.Equal([30000002L, 30000005L], Ids(byId, "leads"));

        var (_, second, _) = await S.Get("/api/v4/leads?filter[pipeline_id]=8000002&limit=250");
        Assert.All(second!["_embedded"]!["leads"]!.AsArray(), l => Assert.Equal(8000002L, (long)l!["pipeline_id"]!));

        var (_, won, _) = await S.Get("/api/v4/leads?filter[statuses][0][pipeline_id]=8000001&filter[statuses][0][status_id]=142&filter[statuses][1][pipeline_id]=8000002&filter[statuses][1][status_id]=142&limit=250");
        Assert.All(won!["_embedded"]!["leads"]!.AsArray(), l => Assert.Equal(142L, (long)l!["status_id"]!));
        Assert.All(won["_embedded"]!["leads"]!.AsArray(), l => Assert.NotNull(l!["closed_at"]));

        var (_, priced, _) = await S.Get("/api/v4/leads?filter[price][from]=10000&filter[price][to]=20000&limit=250");
        Assert.All(priced!["_embedded"]!["leads"]!.AsArray(), l => Assert.InRange((long)l!["price"]!, 10000, 20000));

        var (_, all, _) = await S.Get("/api/v4/leads?limit=250");
        var leads = all!["_embedded"]!["leads"]!.AsArray();
        var middle = leads.Select(l => (long)l!["created_at"]!).Order().ElementAt(15);
        var (_, recent, _) = await S.Get($"/api/v4/leads?filter[created_at][from]={middle}&limit=250");
        Assert.Equal(leads.Count(l => (long)l!["created_at"]! >= middle), Ids(recent, "leads").Count);

        var (_, ordered, _) = await S.Get("/api/v4/leads?order[created_at]=desc&limit=250");
        var created = ordered!["_embedded"]!["leads"]!.AsArray().Select(l => (long)l!["created_at"]!).ToList();
        Assert.Equal(created.OrderDescending().ToList(), created);

        var name = (string)leads[3]!["name"]!;
        var (_, found, _) = await S.Get($"/api/v4/leads?query={Uri.EscapeDataString(name)}");
        Assert.Contains((long)leads[3]!["id"]!, Ids(found, "leads"));

        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/leads?query=no-such-thing-anywhere")).Status);
    }

    [Fact]
    public async Task Custom_field_filter_matches_enum_values()
    {
        var (_, all, _) = await S.Get("/api/v4/leads?limit=250");
        var withPayment = all!["_embedded"]!["leads"]!.AsArray()
            .Where(l => l!["custom_fields_values"] is JsonArray cf && cf.Any(f => (string?)f!["field_name"] == "Payment" && (string?)f["values"]![0]!["value"] == "Card"))
            .Select(l => (long)l!["id"]!).ToList();
        var fieldId = (long)all["_embedded"]!["leads"]!.AsArray().SelectMany(l => l!["custom_fields_values"] as JsonArray ?? []).First(f => (string?)f!["field_name"] == "Payment")!["field_id"]!;

        var (status, body, _) = await S.Get($"/api/v4/leads?filter[custom_fields_values][{fieldId}][]=Card&limit=250");
        if (withPayment.Count == 0)
        {
            Assert.Equal(HttpStatusCode.NoContent, status);
        }
        else
        {
            Assert.Equal(withPayment, Ids(body, "leads"));
        }
    }

    [Fact]
    public async Task Get_unknown_lead_is_204_and_delete_is_405()
    {
        var (status, body, _) = await S.Get("/api/v4/leads/99999999");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Null(body);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await S.Send(HttpMethod.Delete, "/api/v4/leads/30000001", null)).Status);
    }

    [Fact]
    public async Task Batch_add_creates_leads_with_defaults_tags_and_contacts()
    {
        var (status, body, _) = await S.Post("/api/v4/leads", """
            [ { "name": "Lead A", "price": 20000, "pipeline_id": 8000002, "_embedded": { "tags": [ { "name": "fresh-tag" } ], "contacts": [ { "id": 10000002, "is_main": true } ] } },
              { "price": 10000, "request_id": "b" } ]
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{S.BaseUrl}/api/v4/leads", (string?)body!["_links"]!["self"]!["href"]);
        var items = body["_embedded"]!["leads"]!.AsArray();
        Assert.Equal("0", (string?)items[0]!["request_id"]);
        Assert.Equal("b", (string?)items[1]!["request_id"]);
        var id = (long)items[0]!["id"]!;
        Assert.Equal($"{S.BaseUrl}/api/v4/leads/{id}", (string?)items[0]!["_links"]!["self"]!["href"]);

        var (_, lead, _) = await S.Get($"/api/v4/leads/{id}?with=contacts");
        Assert.Equal("Lead A", (string?)lead!["name"]);
        Assert.Equal(8000002L, (long)lead["pipeline_id"]!);
        Assert.Equal(47000006L, (long)lead["status_id"]!); // first regular stage of that pipeline
        Assert.Equal(S.Store.CurrentUserId, (long)lead["responsible_user_id"]!);
        Assert.Equal("fresh-tag", (string?)lead["_embedded"]!["tags"]![0]!["name"]);
        Assert.Equal(10000002L, (long)lead["_embedded"]!["contacts"]![0]!["id"]!);

        var (_, unnamed, _) = await S.Get($"/api/v4/leads/{(long)items[1]!["id"]!}");
        Assert.Equal($"Lead #{(long)items[1]!["id"]!}", (string?)unnamed!["name"]);
        Assert.Equal(47000002L, (long)unnamed["status_id"]!); // first regular stage of the main pipeline
    }

    [Fact]
    public async Task Batch_with_invalid_items_reports_each_in_kommo_400_format_and_writes_nothing()
    {
        var (_, before, _) = await S.Get("/api/v4/leads?limit=250&filter[name]=Should not exist");
        Assert.Null(before);

        var (status, body, response) = await S.Post("/api/v4/leads", """
            [ { "name": "Should not exist" },
              { "name": "Bad", "status_id": 12345, "request_id": "x" },
              { "name": "Worse", "price": "a lot", "custom_fields_values": [ { "field_id": 424242, "values": [ { "value": "v" } ] } ] } ]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bad Request", (string?)body!["title"]);
        Assert.Equal("https://httpstatus.es/400", (string?)body["type"]);
        Assert.Equal("Request validation failed", (string?)body["detail"]);
        var errors = body["validation-errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.Equal("x", (string?)errors[0]!["request_id"]);
        Assert.Equal("NotSupportedChoice", (string?)errors[0]!["errors"]![0]!["code"]);
        Assert.Equal("status_id", (string?)errors[0]!["errors"]![0]!["path"]);
        Assert.Equal("2", (string?)errors[1]!["request_id"]);
        var paths = errors[1]!["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        Assert.Equal(["price", "custom_fields_values.0.field_id"], paths);
        Assert.Equal("InvalidType", (string?)errors[1]!["errors"]![0]!["code"]);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/leads?filter[name]=Should not exist")).Status);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "Request data can not be empty")]
    [InlineData("[]", HttpStatusCode.BadRequest, "Request data can not be empty")]
    [InlineData("{not json", HttpStatusCode.BadRequest, "Request body is not valid JSON")]
    [InlineData("{\"name\":\"x\"}", HttpStatusCode.BadRequest, "Request validation failed")]
    public async Task Malformed_batch_bodies_are_refused(string json, HttpStatusCode expected, string detail)
    {
        var (status, body, _) = await S.Post("/api/v4/leads", json);
        Assert.Equal(expected, status);
        Assert.Equal(detail, (string?)body!["detail"]);
    }

    [Fact]
    public async Task More_than_250_items_is_422()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("{\"name\":\"n\"}", 251)) + "]";
        var (status, body, _) = await S.Post("/api/v4/leads", json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Limit 250 per page", (string?)body!["detail"]);
    }

    [Fact]
    public async Task Batch_patch_and_single_patch_update_and_return_updated_at()
    {
        var (status, body, _) = await S.Patch("/api/v4/leads", """[ { "id": 30000010, "price": 777, "request_id": "r1" }, { "id": 30000011, "name": "Renamed" } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        var items = body!["_embedded"]!["leads"]!.AsArray();
        Assert.Equal("r1", (string?)items[0]!["request_id"]);
        Assert.NotNull(items[0]!["updated_at"]);
        Assert.Equal(777L, (long)(await S.Get("/api/v4/leads/30000010")).Body!["price"]!);
        Assert.Equal("Renamed", (string?)(await S.Get("/api/v4/leads/30000011")).Body!["name"]);

        var (one, single, _) = await S.Patch("/api/v4/leads/30000012", """{ "status_id": 143, "loss_reason_id": 4200002, "tags_to_add": [ { "name": "lost-one" } ] }""");
        Assert.Equal(HttpStatusCode.OK, one);
        Assert.Equal(["id", "updated_at", "_links"], single!.AsObject().Select(p => p.Key).ToArray());
        var (_, lead, _) = await S.Get("/api/v4/leads/30000012?with=loss_reason");
        Assert.Equal(143L, (long)lead!["status_id"]!);
        Assert.NotNull(lead["closed_at"]);
        Assert.Equal("Chose a competitor", (string?)lead["_embedded"]!["loss_reason"]![0]!["name"]);
        Assert.Contains(lead["_embedded"]!["tags"]!.AsArray(), t => (string?)t!["name"] == "lost-one");

        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/leads/30000012", """{ "_embedded": { "tags": null } }""")).Status);
        Assert.Empty((await S.Get("/api/v4/leads/30000012")).Body!["_embedded"]!["tags"]!.AsArray());
    }

    [Fact]
    public async Task Patch_of_unknown_id_is_404_single_and_item_error_in_batch()
    {
        var (status, body, _) = await S.Patch("/api/v4/leads/99999999", """{ "name": "x" }""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Lead not found", (string?)body!["detail"]);

        var (batch, errors, _) = await S.Patch("/api/v4/leads", """[ { "id": 99999999, "name": "x" }, { "name": "no id" } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, batch);
        var list = errors!["validation-errors"]!.AsArray();
        Assert.Equal("NotFound", (string?)list[0]!["errors"]![0]!["code"]);
        Assert.Equal("id", (string?)list[1]!["errors"]![0]!["path"]);
        Assert.Equal("NotBlank", (string?)list[1]!["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Custom_field_values_are_validated_merged_and_rendered()
    {
        var (_, defs, _) = await S.Get("/api/v4/leads/custom_fields?limit=250");
        var fields = defs!["_embedded"]!["custom_fields"]!.AsArray();
        long FieldId(string name) => (long)fields.First(f => (string?)f!["name"] == name)!["id"]!;
        var products = fields.First(f => (string?)f!["name"] == "Products")!;
        var pro = (long)products["enums"]!.AsArray().First(e => (string?)e!["value"] == "Pro plan")!["id"]!;

        var json = $$"""
            { "custom_fields_values": [
                { "field_id": {{FieldId("Comment")}}, "values": [ { "value": "hello" } ] },
                { "field_id": {{FieldId("Products")}}, "values": [ { "enum_id": {{pro}} }, { "value": "Support" } ] },
                { "field_id": {{FieldId("Deadline")}}, "values": [ { "value": "2025-06-01T00:00:00+00:00" } ] },
                { "field_id": {{FieldId("Urgent")}}, "values": null } ] }
            """;
        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/leads/30000020", json)).Status);
        var cf = (await S.Get("/api/v4/leads/30000020")).Body!["custom_fields_values"]!.AsArray();
        JsonNode Values(string name) => cf.First(f => (string?)f!["field_name"] == name)!["values"]!;
        Assert.Equal("hello", (string?)Values("Comment")[0]!["value"]);
        Assert.Equal(["Pro plan", "Support"], Values("Products").AsArray().Select(v => (string)v!["value"]!).ToArray());
        Assert.Equal(pro, (long)Values("Products")[0]!["enum_id"]!);
        Assert.Equal(1748736000L, (long)Values("Deadline")[0]!["value"]!);
        Assert.DoesNotContain(cf, f => (string?)f!["field_name"] == "Urgent");
        Assert.Equal("textarea", (string?)cf.First(f => (string?)f!["field_name"] == "Comment")!["field_type"]);

        var bad = $$"""
            { "custom_fields_values": [
                { "field_id": {{FieldId("Products")}}, "values": [ { "value": "Nope" } ] },
                { "field_id": {{FieldId("Urgent")}}, "values": [ { "value": "yes" } ] },
                { "field_id": {{FieldId("Payment")}}, "values": [ { "enum_id": 1 } ] } ] }
            """;
        var (status, body, _) = await S.Patch("/api/v4/leads/30000020", bad);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body!["validation-errors"]![0]!["errors"]!.AsArray().Select(e => ((string?)e!["code"], (string?)e["path"])).ToList();
        Assert.Equal(
            [("NotSupportedChoice", "custom_fields_values.0.values.0.value"), ("InvalidType", "custom_fields_values.1.values.0.value"),
             ("NotSupportedChoice", "custom_fields_values.2.values.0.enum_id")],
            errors);
    }

    [Fact]
    public async Task Complex_add_creates_lead_contact_and_company_linked()
    {
        var (status, body, response) = await S.Post("/api/v4/leads/complex", """
            [ { "name": "Complex deal", "price": 5000,
                "_embedded": { "contacts": [ { "first_name": "Ada", "last_name": "Byron",
                                               "custom_fields_values": [ { "field_code": "PHONE", "values": [ { "value": "+15550001122", "enum_code": "MOB" } ] } ] } ],
                               "companies": [ { "name": "Engines Ltd" } ] } } ]
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var item = body!.AsArray()[0]!;
        Assert.Equal(["0"], item["request_id"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.False((bool)item["merged"]!);
        var (_, lead, _) = await S.Get($"/api/v4/leads/{(long)item["id"]!}?with=contacts");
        Assert.Equal((long)item["contact_id"]!, (long)lead!["_embedded"]!["contacts"]![0]!["id"]!);
        Assert.Equal((long)item["company_id"]!, (long)lead["_embedded"]!["companies"]![0]!["id"]!);
        var (_, contact, _) = await S.Get($"/api/v4/contacts/{(long)item["contact_id"]!}");
        Assert.Equal("Ada Byron", (string?)contact!["name"]);
        var phone = contact["custom_fields_values"]![0]!;
        Assert.Equal("PHONE", (string?)phone["field_code"]);
        Assert.Equal("MOB", (string?)phone["values"]![0]!["enum_code"]);
        Assert.Equal((long)item["company_id"]!, (long)contact["_embedded"]!["companies"]![0]!["id"]!);
    }

    [Fact]
    public async Task Soft_deleted_leads_show_only_with_only_deleted_as_stubs()
    {
        Assert.True(S.Store.SoftDelete("leads", 30000029));
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/leads/30000029")).Status);
        var (_, body, _) = await S.Get("/api/v4/leads?with=only_deleted");
        var stub = body!["_embedded"]!["leads"]!.AsArray().Single()!;
        Assert.Equal(30000029L, (long)stub["id"]!);
        Assert.True((bool)stub["is_deleted"]!);
        Assert.Null(stub["name"]);
    }
}
