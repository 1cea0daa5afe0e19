using System.Net;
using System.Text.Json.Nodes;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class ContactsCompaniesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    [Fact]
    public async Task Contact_shape_and_with_leads_embeds_linked_leads()
    {
        var (_, lead, _) = await S.Get("/api/v4/leads/30000004?with=contacts");
        var contactId = (long)lead!["_embedded"]!["contacts"]![0]!["id"]!;
        var (_, contact, _) = await S.Get($"/api/v4/contacts/{contactId}?with=leads");
        string[] keys = ["id", "name", "first_name", "last_name", "responsible_user_id", "group_id", "created_by", "updated_by", "created_at",
            "updated_at", "closest_task_at", "is_unsorted", "custom_fields_values", "account_id", "_links", "_embedded"];
        Assert.Equal(keys, contact!.AsObject().Select(p => p.Key).ToArray());
        Assert.Contains(contact["_embedded"]!["leads"]!.AsArray(), l => (long)l!["id"]! == 30000004);
        var phone = contact["custom_fields_values"]!.AsArray().First(f => (string?)f!["field_code"] == "PHONE")!;
        Assert.Equal("multitext", (string?)phone["field_type"]);
        Assert.Contains((string?)phone["values"]![0]!["enum_code"], new[] { "WORK", "MOB" });
        Assert.NotNull(phone["values"]![0]!["enum_id"]);
    }

    [Fact]
    public async Task Query_finds_a_contact_by_phone()
    {
        var contact = S.Store.GetEntity("contacts", 10000007)!;
        var phone = (string)contact["custom_fields_values"]!.AsArray().First(f => (string?)f!["field_code"] == "PHONE")!["values"]![0]!["value"]!;
        var (_, body, _) = await S.Get($"/api/v4/contacts?query={Uri.EscapeDataString(phone[^7..])}");
        Assert.Contains(body!["_embedded"]!["contacts"]!.AsArray(), c => (long)c!["id"]! == 10000007);
    }

    [Fact]
    public async Task Company_with_contacts_and_filters()
    {
        var (_, body, _) = await S.Get("/api/v4/companies/20000001?with=contacts,leads");
        Assert.NotEmpty(body!["_embedded"]!["contacts"]!.AsArray());
        Assert.Null(body["_embedded"]!["companies"]);
        var (_, list, _) = await S.Get($"/api/v4/companies?filter[responsible_user_id]={S.Store.CurrentUserId}&limit=250");
        Assert.All(list?["_embedded"]!["companies"]!.AsArray() ?? [], c => Assert.Equal(S.Store.CurrentUserId, (long)c!["responsible_user_id"]!));
        var (_, ordered, _) = await S.Get("/api/v4/companies?order[updated_at]=desc");
        var updated = ordered!["_embedded"]!["companies"]!.AsArray().Select(c => (long)c!["updated_at"]!).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task Contact_add_with_field_codes_and_errors_on_bad_enum_codes()
    {
        var (status, body, _) = await S.Post("/api/v4/contacts", """
            [ { "first_name": "Grace", "last_name": "Hopper", "custom_fields_values": [
                  { "field_code": "EMAIL", "values": [ { "value": "grace@example.com", "enum_code": "PRIV" } ] },
                  { "field_code": "POSITION", "values": [ { "value": "Admiral" } ] } ] } ]
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var id = (long)body!["_embedded"]!["contacts"]![0]!["id"]!;
        var contact = S.Store.GetEntity("contacts", id)!;
        Assert.Equal("Grace Hopper", (string?)contact["name"]);
        Assert.Equal("PRIV", (string?)contact["custom_fields_values"]![0]!["values"]![0]!["enum_code"]);

        var (bad, errors, _) = await S.Post("/api/v4/contacts", """
            [ { "name": "X", "custom_fields_values": [ { "field_code": "PHONE", "values": [ { "value": "1", "enum_code": "PAGER" } ] }, { "field_code": "NOPE", "values": [] } ] } ]
            """);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var paths = errors!["validation-errors"]![0]!["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToArray();
        Assert.Equal(["custom_fields_values.0.values.0.enum_code", "custom_fields_values.1.field_code"], paths);
    }

    [Fact]
    public async Task Customers_are_listed_and_written()
    {
        var (status, body, _) = await S.Get("/api/v4/customers?with=contacts");
        Assert.Equal(HttpStatusCode.OK, status);
        var customer = body!["_embedded"]!["customers"]![0]!;
        Assert.NotNull(customer["next_price"]);
        Assert.True((bool)customer["_embedded"]!["contacts"]![0]!["is_main"]!);
        var (patched, _, _) = await S.Patch($"/api/v4/customers/{(long)customer["id"]!}", """{ "next_price": 999, "next_date": 1767225600 }""");
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal(999L, (long)S.Store.GetEntity("customers", (long)customer["id"]!)!["next_price"]!);
    }

    [Fact]
    public async Task Customers_answer_422_when_disabled()
    {
        using var folder = new TempFolder();
        await using var server = await SandboxServer.StartAsync(folder.Db(), o => o with { DisableCustomers = true, NotFoundForUnknownId = true });
        var (status, body, _) = await server.Get("/api/v4/customers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(422, (int)body!["status"]!);
        Assert.Equal("disabled", (string?)(await server.Get("/api/v4/account")).Body!["customers_mode"]);
        var (missing, problem, _) = await server.Get("/api/v4/contacts/1");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Contact not found", (string?)problem!["detail"]);
    }

    [Fact]
    public async Task Contact_tags_are_added_and_removed_incrementally()
    {
        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/contacts/10000003", """{ "tags_to_add": [ { "name": "alpha" }, { "name": "beta" } ] }""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/contacts/10000003", """{ "tags_to_delete": [ { "name": "alpha" } ] }""")).Status);
        var tags = S.Store.GetEntity("contacts", 10000003)!["_embedded"]!["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.Contains("beta", tags);
        Assert.DoesNotContain("alpha", tags);
        var (status, body, _) = await S.Patch("/api/v4/contacts/10000003", """{ "tags_to_add": [ { "id": 3000001 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status); // tag 3000001 belongs to leads
        Assert.Equal("tags_to_add.0.id", (string?)body!["validation-errors"]![0]!["errors"]![0]!["path"]);
    }
}
