using System.Globalization;

namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary>Notes of one entity type: <c>/{entity}/notes</c> and <c>/{entity}/{entity_id}/notes</c>, each with <c>/{id}</c>.</summary>
internal static class NotesEndpoints
{
    public static void MapNotes(this IEndpointRouteBuilder api, CrmKind kind)
    {
        var all = api.MapGroup($"/{kind.Name}/notes");
        all.MapGet("/", (HttpContext http, SandboxStore store) => List(http, store, kind, null));
        all.MapGet("/{id:long}", (HttpContext http, SandboxStore store, long id) => Get(http, store, kind, null, id));
        all.MapPost("/", (HttpContext http, SandboxStore store) => Write(http, store, kind, null, update: false));
        all.MapPatch("/", (HttpContext http, SandboxStore store) => Write(http, store, kind, null, update: true));
        all.MapPatch("/{id:long}", (HttpContext http, SandboxStore store, long id) => PatchOne(http, store, kind, null, id));
        all.MapDelete("/{id:long}", () => Respond.MethodNotAllowed());

        var one = api.MapGroup($"/{kind.Name}/{{entityId:long}}/notes");
        one.MapGet("/", (HttpContext http, SandboxStore store, long entityId) => List(http, store, kind, entityId));
        one.MapGet("/{id:long}", (HttpContext http, SandboxStore store, long entityId, long id) => Get(http, store, kind, entityId, id));
        one.MapPost("/", (HttpContext http, SandboxStore store, long entityId) => Write(http, store, kind, entityId, update: false));
        one.MapPatch("/", (HttpContext http, SandboxStore store, long entityId) => Write(http, store, kind, entityId, update: true));
        one.MapPatch("/{id:long}", (HttpContext http, SandboxStore store, long entityId, long id) => PatchOne(http, store, kind, entityId, id));
        one.MapDelete("/{id:long}", () => Respond.MethodNotAllowed());
    }

    private static string ParentMissing(CrmKind kind) => char.ToUpperInvariant(kind.Singular[0]) + kind.Singular[1..] + " not found";

    private static bool ParentExists(SandboxStore store, CrmKind kind, long? entityId) =>
        entityId is not { } id || store.Database.Read((c, tx) => CrmRepository.Exists(c, tx, kind, id));

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store, CrmKind kind, long? entityId)
    {
        if (!ParentExists(store, kind, entityId))
        {
            return Kommo.NotFound(ParentMissing(kind));
        }

        var request = ListRequest.Parse(http, NoteRepository.Orders, out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        return Respond.List(http, ctx, request, "notes", store.Database.Read((c, tx) => NoteRepository.List(c, tx, ctx, kind.Name, entityId, request)));
    }

    private static Results<HalJsonResult, NoContent> Get(HttpContext http, SandboxStore store, CrmKind kind, long? entityId, long id)
    {
        if (!ParentExists(store, kind, entityId))
        {
            return Kommo.NotFound(ParentMissing(kind));
        }

        var ctx = store.Context(http);
        var note = store.Database.Read((c, tx) => NoteRepository.GetRow(c, tx, kind.Name, id, entityId) is { } row ? NoteRepository.Render(ctx, row) : null);
        return Respond.One(store, note, "Note not found");
    }

    private static async Task<HalJsonResult> Write(HttpContext http, SandboxStore store, CrmKind kind, long? entityId, bool update)
    {
        if (!ParentExists(store, kind, entityId))
        {
            return Kommo.NotFound(ParentMissing(kind));
        }

        var ctx = store.Context(http);
        var path = entityId is { } parent ? $"/api/v4/{kind.Name}/{parent.ToString(CultureInfo.InvariantCulture)}/notes" : $"/api/v4/{kind.Name}/notes";
        return await Respond.Batch(http, store, path, path + "/{0}", "notes", update,
            (w, r, id) => NoteRepository.Save(w, kind, r, entityId, id),
            (w, result, id) =>
            {
                var noteEntity = SandboxDatabase.ScalarLong(w.C, w.Tx, "SELECT entity_id FROM api_notes WHERE id = $id", ("$id", id)) ?? 0;
                result["entity_id"] = noteEntity;
                if (update)
                {
                    result["updated_at"] = Respond.UpdatedAt(w, "api_notes", id);
                }

                result["_links"] = ctx.Links($"/api/v4/{kind.Name}/{noteEntity.ToString(CultureInfo.InvariantCulture)}/notes/{id.ToString(CultureInfo.InvariantCulture)}");
            }).ConfigureAwait(false);
    }

    private static async Task<HalJsonResult> PatchOne(HttpContext http, SandboxStore store, CrmKind kind, long? entityId, long id)
    {
        if (!ParentExists(store, kind, entityId))
        {
            return Kommo.NotFound(ParentMissing(kind));
        }

        var self = entityId is { } parent ? $"/api/v4/{kind.Name}/{parent}/notes/{id}" : $"/api/v4/{kind.Name}/notes/{id}";
        return await Respond.PatchOne(http, store, id, self, "api_notes", "Note not found",
            (w, i) => NoteRepository.GetRow(w.C, w.Tx, kind.Name, i, entityId) is not null,
            (w, r, i) => NoteRepository.Save(w, kind, r, entityId, i)).ConfigureAwait(false);
    }
}
