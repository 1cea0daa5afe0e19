namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary>The list / get / add / update routes that leads, contacts, companies and customers share.</summary>
internal static class EntityEndpoints
{
    public static RouteGroupBuilder MapCrmEntity(this IEndpointRouteBuilder api, CrmKind kind)
    {
        var group = api.MapGroup("/" + kind.Name);

        group.MapGet("/", (HttpContext http, SandboxStore store) => List(http, store, kind));
        group.MapGet("/{id:long}", (HttpContext http, SandboxStore store, long id) => Get(http, store, kind, id));
        group.MapPost("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, $"/api/v4/{kind.Name}", $"/api/v4/{kind.Name}/{{0}}", kind.Name, update: false,
                (w, r, _) => CrmWriter.Save(w, kind, r, null)));
        group.MapPatch("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, $"/api/v4/{kind.Name}", $"/api/v4/{kind.Name}/{{0}}", kind.Name, update: true,
                (w, r, id) => CrmWriter.Save(w, kind, r, id),
                (w, result, id) => result["updated_at"] = Respond.UpdatedAt(w, kind.Table, id)));
        group.MapPatch("/{id:long}", (HttpContext http, SandboxStore store, long id) =>
            Respond.PatchOne(http, store, id, $"/api/v4/{kind.Name}/{id}", kind.Table, $"{Capital(kind.Singular)} not found",
                (w, i) => CrmRepository.Exists(w.C, w.Tx, kind, i), (w, r, i) => CrmWriter.Save(w, kind, r, i)));
        group.MapDelete("/{id:long}", () => Respond.MethodNotAllowed());
        return group;
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store, CrmKind kind)
    {
        var request = ListRequest.Parse(http, kind.Orders, out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        var page = store.Database.Read((c, tx) => CrmRepository.List(c, tx, ctx, kind, request));
        return Respond.List(http, ctx, request, kind.Name, page);
    }

    private static Results<HalJsonResult, NoContent> Get(HttpContext http, SandboxStore store, CrmKind kind, long id)
    {
        var request = ListRequest.Parse(http, kind.Orders, out _);
        var with = request?.With ?? [];
        var ctx = store.Context(http);
        var item = store.Database.Read((c, tx) => CrmRepository.Get(c, tx, ctx, kind, id, with));
        return Respond.One(store, item, $"{Capital(kind.Singular)} not found");
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
