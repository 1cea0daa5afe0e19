using System.Net;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class TasksNotesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SandboxServer S => fixture.Server;

    [Fact]
    public async Task Tasks_list_filters_and_order()
    {
        var (_, open, _) = await S.Get("/api/v4/tasks?filter[is_completed]=0&limit=250");
        Assert.All(open!["_embedded"]!["tasks"]!.AsArray(), t => Assert.False((bool)t!["is_completed"]!));
        var (_, ordered, _) = await S.Get("/api/v4/tasks?order[complete_till]=desc&limit=250");
        var till = ordered!["_embedded"]!["tasks"]!.AsArray().Select(t => (long)t!["complete_till"]!).ToList();
        Assert.Equal(till.OrderDescending(), till);
        var first = ordered["_embedded"]!["tasks"]![0]!;
        var (_, onEntity, _) = await S.Get($"/api/v4/tasks?filter[entity_type]={(string)first["entity_type"]!}&filter[entity_id]={(long)first["entity_id"]!}");
        Assert.Contains(onEntity!["_embedded"]!["tasks"]!.AsArray(), t => (long)t!["id"]! == (long)first["id"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/tasks?filter[responsible_user_id]=1")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await S.Get("/api/v4/tasks?filter[is_completed]=maybe")).Status);
    }

    [Fact]
    public async Task Task_add_requires_text_and_deadline_and_updates_closest_task_at()
    {
        var (bad, errors, _) = await S.Post("/api/v4/tasks", """[ { "entity_type": "leads", "entity_id": 30000015 } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var paths = errors!["validation-errors"]![0]!["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToArray();
        Assert.Equal(["text", "complete_till"], paths);

        var (badEntity, _, _) = await S.Post("/api/v4/tasks", """[ { "text": "x", "complete_till": 1, "entity_type": "leads", "entity_id": 1 } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, badEntity);

        var (status, body, _) = await S.Post("/api/v4/tasks", """[ { "text": "Call", "complete_till": 1000, "entity_type": "leads", "entity_id": 30000015, "task_type_id": 2 } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        var id = (long)body!["_embedded"]!["tasks"]![0]!["id"]!;
        Assert.Equal(1000L, (long)S.Store.GetEntity("leads", 30000015)!["closest_task_at"]!);

        var (done, result, _) = await S.Patch($"/api/v4/tasks/{id}", """{ "is_completed": true, "result": { "text": "Reached" } }""");
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Equal(id, (long)result!["id"]!);
        var (_, task, _) = await S.Get($"/api/v4/tasks/{id}");
        Assert.True((bool)task!["is_completed"]!);
        Assert.Equal("Reached", (string?)task["result"]!["text"]);
        Assert.NotEqual(1000L, (long?)S.Store.GetEntity("leads", 30000015)!["closest_task_at"]);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get("/api/v4/tasks/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await S.Patch("/api/v4/tasks/1", """{ "text": "x" }""")).Status);
    }

    [Fact]
    public async Task Notes_per_entity_list_get_add_update()
    {
        var (status, body, _) = await S.Post("/api/v4/leads/30000008/notes", """[ { "note_type": "common", "params": { "text": "First note" }, "request_id": "n1" } ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        var added = body!["_embedded"]!["notes"]![0]!;
        var id = (long)added["id"]!;
        Assert.Equal(30000008L, (long)added["entity_id"]!);
        Assert.Equal("n1", (string?)added["request_id"]);
        Assert.Equal($"{S.BaseUrl}/api/v4/leads/30000008/notes/{id}", (string?)added["_links"]!["self"]!["href"]);

        var (_, list, _) = await S.Get("/api/v4/leads/30000008/notes");
        Assert.Contains(list!["_embedded"]!["notes"]!.AsArray(), n => (long)n!["id"]! == id && (string?)n["params"]!["text"] == "First note");
        var (_, byType, _) = await S.Get("/api/v4/leads/notes?filter[note_type]=common&filter[entity_id]=30000008");
        Assert.All(byType!["_embedded"]!["notes"]!.AsArray(), n => Assert.Equal("common", (string?)n!["note_type"]));

        var (patched, _, _) = await S.Patch("/api/v4/leads/notes", $$"""[ { "id": {{id}}, "params": { "text": "Edited" } } ]""");
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("Edited", (string?)(await S.Get($"/api/v4/leads/notes/{id}")).Body!["params"]!["text"]);
        Assert.Equal("Edited", (string?)(await S.Get($"/api/v4/leads/30000008/notes/{id}")).Body!["params"]!["text"]);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Get($"/api/v4/leads/30000009/notes/{id}")).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await S.Send(HttpMethod.Delete, $"/api/v4/leads/30000008/notes/{id}", null)).Status);
    }

    [Fact]
    public async Task Notes_validate_type_params_and_parent()
    {
        var (missing, problem, _) = await S.Get("/api/v4/leads/1/notes");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Lead not found", (string?)problem!["detail"]);

        var (status, body, _) = await S.Post("/api/v4/contacts/notes", """
            [ { "entity_id": 10000001, "note_type": "telepathy", "params": { "text": "?" } },
              { "entity_id": 10000001, "note_type": "common", "params": {} },
              { "entity_id": 1, "note_type": "common", "params": { "text": "x" } } ]
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body!["validation-errors"]!.AsArray().Select(e => (string)e!["errors"]![0]!["path"]!).ToArray();
        Assert.Equal(["note_type", "params.text", "entity_id"], errors);

        var (ok, added, _) = await S.Post("/api/v4/contacts/notes", """[ { "entity_id": 10000001, "note_type": "call_in", "params": { "phone": "+1555", "duration": 30, "source": "pbx", "uniq": "u1", "link": "https://x/y.mp3" } } ]""");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(10000001L, (long)added!["_embedded"]!["notes"]![0]!["entity_id"]!);
    }

    [Fact]
    public async Task If_modified_since_returns_only_later_changes()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await S.Patch("/api/v4/companies/20000007", """{ "name": "Touched" }""")).Status);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v4/companies");
        request.Headers.IfModifiedSince = since;
        var response = await S.Client.SendAsync(request);
        var body = await SandboxServer.Body(response);
        Assert.Equal([20000007L], body!["_embedded"]!["companies"]!.AsArray().Select(c => (long)c!["id"]!).ToArray());

        using var future = new HttpRequestMessage(HttpMethod.Get, "api/v4/tasks");
        future.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
        Assert.Equal(HttpStatusCode.NoContent, (await S.Client.SendAsync(future)).StatusCode);
    }
}
