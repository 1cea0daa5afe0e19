using System.Net;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class AccountUsersTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    [Fact]
    public async Task Account_has_base_fields_and_with_extras()
    {
        var (_, plain, _) = await S.Get("/api/v4/account");
        Assert.Equal(S.Store.AccountId, (long)plain!["id"]!);
        Assert.Equal(S.Store.CurrentUserId, (long)plain["current_user_id"]!);
        Assert.Equal("segments", (string?)plain["customers_mode"]);
        Assert.Null(plain["amojo_id"]);
        Assert.Null(plain["_embedded"]);
        Assert.Equal($"{S.BaseUrl}/api/v4/account", (string?)plain["_links"]!["self"]!["href"]);

        var (_, full, _) = await S.Get("/api/v4/account?with=amojo_id,amojo_rights,users_groups,task_types,version,datetime_settings,entity_names");
        Assert.Matches("^[0-9a-f-]{36}$", (string?)full!["amojo_id"]);
        Assert.Equal(1, (int)full["version"]!);
        Assert.NotNull(full["entity_names"]);
        var embedded = full["_embedded"]!;
        Assert.True((bool)embedded["amojo_rights"]!["can_direct"]!);
        Assert.Equal(["Sales", "Support"], embedded["users_groups"]!.AsArray().Select(g => (string)g!["name"]!).ToArray());
        Assert.Equal("FOLLOW_UP", (string?)embedded["task_types"]![0]!["code"]);
        Assert.Equal("MEETING", (string?)embedded["task_types"]![1]!["code"]);
        Assert.Equal("d.m.Y", (string?)embedded["datetime_settings"]!["date_format"]);
    }

    [Fact]
    public async Task Users_list_has_totals_and_pages()
    {
        var (status, body, _) = await S.Get("/api/v4/users?limit=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (int)body!["_total_items"]!);
        Assert.Equal(1, (int)body["_page"]!);
        Assert.Equal(2, (int)body["_page_count"]!);
        Assert.NotNull(body["_links"]!["next"]);
        var user = body["_embedded"]!["users"]![0]!;
        Assert.True((bool)user["rights"]!["is_admin"]!);
        Assert.Equal("A", (string?)user["rights"]!["leads"]!["view"]);
        Assert.NotNull(user["_embedded"]!["groups"]);
        Assert.Null(user["uuid"]);

        var (_, second, _) = await S.Get("/api/v4/users?limit=3&page=2");
        Assert.Single(second!["_embedded"]!["users"]!.AsArray());
    }

    [Fact]
    public async Task User_by_id_takes_with_and_unknown_is_204()
    {
        var (_, user, _) = await S.Get($"/api/v4/users/{S.Store.CurrentUserId}?with=uuid,amojo_id,user_rank");
        Assert.Equal(S.Store.CurrentUserId, (long)user!["id"]!);
        Assert.NotNull(user["uuid"]);
        Assert.Equal("master", (string?)user["user_rank"]);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/users/1")).Status);
    }

    [Fact]
    public void Store_gives_the_host_json_ready_constants()
    {
        var user = S.Store.GetCurrentUser();
        Assert.Equal(S.Store.CurrentUserId, (long)user["id"]!);
        var managers = S.Store.GetManagers();
        Assert.Equal(4, managers.Count);
        Assert.Equal((string?)user["name"], (string?)managers[S.Store.CurrentUserId.ToString()]!["title"]);
        Assert.Equal("Sales", (string?)S.Store.GetGroups()["group_0"]);
        Assert.Equal(2, S.Store.GetPipelines().Count);
        Assert.Equal(3, S.Store.GetTaskTypes().Count);
        var lead = S.Store.GetEntity("leads", 30000001, "contacts")!;
        Assert.Equal("https://devaccount.kommo.com/api/v4/leads/30000001", (string?)lead["_links"]!["self"]!["href"]);
        var page = S.Store.GetEntities("contacts", page: 2, limit: 5);
        Assert.Equal(5, page.Items.Count);
        Assert.True(page.HasNext);
        Assert.Equal(15, page.Total);
        Assert.Contains(S.Store.GetCustomFields("contacts"), f => (string?)f!["code"] == "PHONE");
        Assert.Equal("test_widget", (string?)S.Store.GetWidget("test_widget")!["code"]);
        Assert.Equal(S.Store.AccountId, (long)S.Store.GetAccount("users_groups")["id"]!);
    }
}
