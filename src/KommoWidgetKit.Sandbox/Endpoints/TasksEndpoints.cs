namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/tasks</c>: list with filters, get, add, update (completing a task is an update).</summary>
internal static class TasksEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks");
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
        group.MapPost("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, "/api/v4/tasks", "/api/v4/tasks/{0}", "tasks", update: false,
                (w, r, _) => TaskRepository.Save(w, r, null),
                (w, result, id) => result["updated_at"] = Respond.UpdatedAt(w, "api_tasks", id)));
        group.MapPatch("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, "/api/v4/tasks", "/api/v4/tasks/{0}", "tasks", update: true,
                (w, r, id) => TaskRepository.Save(w, r, id),
                (w, result, id) => result["updated_at"] = Respond.UpdatedAt(w, "api_tasks", id)));
        group.MapPatch("/{id:long}", (HttpContext http, SandboxStore store, long id) =>
            Respond.PatchOne(http, store, id, $"/api/v4/tasks/{id}", "api_tasks", "Task not found",
                (w, i) => TaskRepository.GetRow(w.C, w.Tx, i) is not null, (w, r, i) => TaskRepository.Save(w, r, i)));
        group.MapDelete("/{id:long}", () => Kommo.Problem(StatusCodes.Status403Forbidden, "Invalid scope"));
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest.Parse(http, TaskRepository.Orders, out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        return Respond.List(http, ctx, request, "tasks", store.Database.Read((c, tx) => TaskRepository.List(c, tx, ctx, request)));
    }

    private static Results<HalJsonResult, NoContent> Get(HttpContext http, SandboxStore store, long id)
    {
        var ctx = store.Context(http);
        var task = store.Database.Read((c, tx) => TaskRepository.GetRow(c, tx, id) is { } row ? TaskRepository.Render(ctx, row) : null);
        return Respond.One(store, task, "Task not found");
    }
}
