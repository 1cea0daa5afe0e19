using System.Net;
using System.Text.Json.Nodes;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class PersistenceConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Snapshot(SandboxStore store)
    {
        var parts = new JsonArray();
        foreach (var type in new[] { "leads", "contacts", "companies", "customers" })
        {
            parts.Add((JsonNode)store.GetEntities(type, limit: 250, with: ["contacts", "leads"]).Items.DeepClone());
        }

        parts.Add((JsonNode)store.GetUsers());
        parts.Add((JsonNode)store.GetPipelines());
        parts.Add((JsonNode)store.GetCustomFields("leads"));
        return parts.ToJsonString();
    }

    [Fact]
    public void Same_seed_gives_the_same_data_and_another_seed_different_data()
    {
        var a = new SandboxStore(new SandboxApiOptions { DatabasePath = _folder.Db("a.db"), Seed = 7 });
        var b = new SandboxStore(new SandboxApiOptions { DatabasePath = _folder.Db("b.db"), Seed = 7 });
        var c = new SandboxStore(new SandboxApiOptions { DatabasePath = _folder.Db("c.db"), Seed = 8 });

        Assert.Equal(Snapshot(a), Snapshot(b));
        Assert.NotEqual(Snapshot(a), Snapshot(c));
        Assert.NotEqual(a.GetCurrentUser()["name"]!.ToJsonString(), c.GetCurrentUser()["name"]!.ToJsonString());
        Assert.Equal(30, a.GetEntities("leads").Total);
    }

    [Fact]
    public async Task Writes_survive_a_restart_and_reset_starts_over_leaving_other_tables()
    {
        var path = _folder.Db();
        await using (var server = await SandboxServer.StartAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Patch("/api/v4/leads/30000001", """{ "name": "Persisted" }""")).Status);
            Assert.Equal(HttpStatusCode.OK, (await server.Post("/api/v4/widgets/test_widget", """{ "api_key": "kept" }""")).Status);
        }

        // A table of the host's own in the same file must survive a reset.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE host_settings (k TEXT); INSERT INTO host_settings VALUES ('x');";
            command.ExecuteNonQuery();
        }

        await using (var restarted = await SandboxServer.StartAsync(path, o => o with { Seed = 99 }))
        {
            Assert.Equal("Persisted", (string?)(await restarted.Get("/api/v4/leads/30000001")).Body!["name"]);
            Assert.Equal("kept", (string?)(await restarted.Get("/api/v4/widgets/test_widget")).Body!["settings"]!["api_key"]);
        }

        await using (var reset = await SandboxServer.StartAsync(path, o => o with { Reset = true }))
        {
            Assert.NotEqual("Persisted", (string?)(await reset.Get("/api/v4/leads/30000001")).Body!["name"]);
            Assert.Null((await reset.Get("/api/v4/widgets/test_widget")).Body!["settings"]!["api_key"]);
        }

        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM host_settings";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
        count.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)count.ExecuteScalar());
    }

    [Fact]
    public async Task Parallel_patches_to_different_fields_and_entities_are_all_applied()
    {
        await using var server = await SandboxServer.StartAsync(_folder.Db("race.db"));
        var fields = string.Join(",", Enumerable.Range(0, 12).Select(i => $$"""{ "name": "Race {{i}}", "type": "text" }"""));
        var (_, created, _) = await server.Post("/api/v4/leads/custom_fields", "[" + fields + "]");
        var ids = created!["_embedded"]!["custom_fields"]!.AsArray().Select(f => (long)f!["id"]!).ToList();

        // 12 PATCHes each set a different custom field of one lead (a read-modify-write of the same JSON column),
        // 8 more rename other leads; all run at once.
        var tasks = ids.Select((id, i) => server.Patch("/api/v4/leads/30000005", $$"""{ "custom_fields_values": [ { "field_id": {{id}}, "values": [ { "value": "v{{i}}" } ] } ] }"""))
            .Concat(Enumerable.Range(0, 8).Select(i => server.Patch($"/api/v4/leads/{30000010 + i}", $$"""{ "name": "Parallel {{i}}" }""")))
            .ToList();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));

        var cf = server.Store.GetEntity("leads", 30000005)!["custom_fields_values"]!.AsArray();
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal($"v{i}", (string?)cf.Single(f => (long)f!["field_id"]! == ids[i])!["values"]![0]!["value"]);
        }

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal($"Parallel {i}", (string?)server.Store.GetEntity("leads", 30000010 + i)!["name"]);
        }
    }

    [Fact]
    public async Task Two_app_instances_on_one_file_do_not_lose_updates_and_updated_at_never_goes_back()
    {
        var path = _folder.Db("shared.db");
        await using var one = await SandboxServer.StartAsync(path);
        await using var two = await SandboxServer.StartAsync(path);
        var tasks = Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? one : two).Patch("/api/v4/contacts/10000004", $$"""{ "tags_to_add": [ { "name": "t{{i}}" } ] }"""));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var tags = one.Store.GetEntity("contacts", 10000004)!["_embedded"]!["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToHashSet();
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains($"t{i}", tags));

        var previous = 0L;
        for (var i = 0; i < 5; i++)
        {
            var (_, body, _) = await (i % 2 == 0 ? one : two).Patch("/api/v4/contacts/10000004", $$"""{ "first_name": "N{{i}}" }""");
            var updated = (long)body!["updated_at"]!;
            Assert.True(updated >= previous);
            Assert.True(updated >= DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5);
            previous = updated;
        }

        // A client may set updated_at in the future; a later change must not move it back.
        Assert.Equal(HttpStatusCode.OK, (await one.Patch("/api/v4/contacts/10000004", """{ "updated_at": 4102444800 }""")).Status);
        var (_, after, _) = await two.Patch("/api/v4/contacts/10000004", """{ "last_name": "Later" }""");
        Assert.Equal(4102444800L, (long)after!["updated_at"]!);
    }

    [Fact]
    public async Task A_committed_write_is_in_the_files_while_the_server_still_runs()
    {
        // Copying the database and its WAL while the server holds them open is what a kill -9 leaves behind.
        var path = _folder.Db("crash.db");
        await using var server = await SandboxServer.StartAsync(path);
        Assert.Equal(HttpStatusCode.OK, (await server.Patch("/api/v4/leads/30000002", """{ "name": "Durable" }""")).Status);
        var copy = _folder.Db("copy.db");
        File.Copy(path, copy);
        if (File.Exists(path + "-wal"))
        {
            File.Copy(path + "-wal", copy + "-wal");
        }

        var recovered = new SandboxStore(new SandboxApiOptions { DatabasePath = copy });
        Assert.Equal("Durable", (string?)recovered.GetEntity("leads", 30000002)!["name"]);
    }
}
