namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/users</c> and <c>/api/v4/users/{id}</c>, read-only; the token's user is an administrator.</summary>
internal static class UsersEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users");
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest.Parse(http, [], out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        var (items, hasNext, total) = store.Database.Read((c, tx) =>
        {
            var where = new SqlWhere();
            where.Ids(request.Filter, "id", "id");
            using var command = SandboxDatabase.Command(c, tx, $"SELECT * FROM api_users{where.Sql} ORDER BY id LIMIT {request.Limit + 1} OFFSET {request.Offset}");
            where.Bind(command);
            var rows = Row.ReadAll(command);
            using var count = SandboxDatabase.Command(c, tx, $"SELECT COUNT(*) FROM api_users{where.Sql}");
            where.Bind(count);
            var all = (long)count.ExecuteScalar()!;
            return (rows.Take(request.Limit).Select(r => AccountRepository.RenderUser(c, tx, ctx, r, request.With)).ToList(), rows.Count > request.Limit, all);
        });
        return Respond.List(http, ctx, request, "users", (items, hasNext, null), total);
    }

    private static Results<HalJsonResult, NoContent> Get(HttpContext http, SandboxStore store, long id)
    {
        var request = ListRequest.Parse(http, [], out _);
        var ctx = store.Context(http);
        JsonObject? user = store.Database.Read((c, tx) =>
        {
            var row = Row.Query(c, tx, "SELECT * FROM api_users WHERE id = $id", ("$id", id)).FirstOrDefault();
            return row is null ? null : AccountRepository.RenderUser(c, tx, ctx, row, request?.With ?? []);
        });
        return Respond.One(store, user, "User not found");
    }
}
