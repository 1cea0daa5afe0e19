using System.Globalization;

namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary>
/// <c>/api/v4/{entity}/{id}/links</c>, <c>/link</c>, <c>/unlink</c> and their mass forms on <c>/api/v4/{entity}/…</c>.
/// Links are symmetric: linking a contact to a lead shows the lead under the contact.
/// </summary>
internal static class LinksEndpoints
{
    public static void MapLinks(this IEndpointRouteBuilder api, CrmKind kind)
    {
        api.MapGet($"/{kind.Name}/{{id:long}}/links", (HttpContext http, SandboxStore store, long id) => ListOne(http, store, kind, id));
        api.MapGet($"/{kind.Name}/links", (HttpContext http, SandboxStore store) => ListMany(http, store, kind));
        api.MapPost($"/{kind.Name}/{{id:long}}/link", (HttpContext http, SandboxStore store, long id) => Change(http, store, kind, id, link: true));
        api.MapPost($"/{kind.Name}/link", (HttpContext http, SandboxStore store) => Change(http, store, kind, null, link: true));
        api.MapPost($"/{kind.Name}/{{id:long}}/unlink", (HttpContext http, SandboxStore store, long id) => Change(http, store, kind, id, link: false));
        api.MapPost($"/{kind.Name}/unlink", (HttpContext http, SandboxStore store) => Change(http, store, kind, null, link: false));
    }

    private static string Missing(CrmKind kind) => char.ToUpperInvariant(kind.Singular[0]) + kind.Singular[1..] + " not found";

    private static (string? Type, long? Id, string? Invalid) TargetFilter(QueryNode filter)
    {
        var type = filter["to_entity_type"]?.Scalar;
        long? id = null;
        if (filter["to_entity_id"]?.Scalar is { } text)
        {
            if (!QueryNode.TryLong(text, out var parsed))
            {
                return (null, null, "filter[to_entity_id]");
            }

            id = parsed;
        }

        return (type, id, null);
    }

    private static Results<HalJsonResult, NoContent> ListOne(HttpContext http, SandboxStore store, CrmKind kind, long id)
    {
        var ctx = store.Context(http);
        var filter = QueryNode.Parse(http.Request.Query)["filter"] ?? new QueryNode();
        var (type, toId, invalid) = TargetFilter(filter);
        if (invalid is not null)
        {
            return Kommo.BadRequest($"Invalid filter value: {invalid}");
        }

        var links = store.Database.Read((c, tx) => CrmRepository.Exists(c, tx, kind, id) ? LinkWriter.List(c, tx, kind.Name, [id], type, toId) : null);
        if (links is null)
        {
            return Kommo.NotFound(Missing(kind));
        }

        return links.Count == 0 ? TypedResults.NoContent() : Kommo.Hal(LinkWriter.Envelope(ctx, $"/api/v4/{kind.Name}/{id}/links", links));
    }

    private static Results<HalJsonResult, NoContent> ListMany(HttpContext http, SandboxStore store, CrmKind kind)
    {
        var ctx = store.Context(http);
        var filter = QueryNode.Parse(http.Request.Query)["filter"] ?? new QueryNode();
        var ids = new List<long>();
        foreach (var text in filter["entity_id"]?.AllValues() ?? [])
        {
            if (!QueryNode.TryLong(text, out var id))
            {
                return Kommo.BadRequest("Invalid filter value: filter[entity_id]");
            }

            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return Kommo.Validation("0", FieldError.Blank("filter.entity_id"));
        }

        var (type, toId, invalid) = TargetFilter(filter);
        if (invalid is not null)
        {
            return Kommo.BadRequest($"Invalid filter value: {invalid}");
        }

        var links = store.Database.Read((c, tx) => LinkWriter.List(c, tx, kind.Name, ids, type, toId));
        return links.Count == 0 ? TypedResults.NoContent() : Kommo.Hal(LinkWriter.Envelope(ctx, $"/api/v4/{kind.Name}/links", links));
    }

    private static async Task<Results<HalJsonResult, NoContent>> Change(HttpContext http, SandboxStore store, CrmKind kind, long? pathId, bool link)
    {
        var result = await Respond.WriteArray(http, store, (c, tx, ctx, items) =>
        {
            var w = new WriteContext(c, tx, ctx);
            if (pathId is { } parent && !CrmRepository.Exists(c, tx, kind, parent))
            {
                return Kommo.NotFound(Missing(kind));
            }

            var errors = new BatchErrors();
            var done = new JsonArray();
            foreach (var (requestId, r) in ItemReader.Batch(items, errors))
            {
                var item = r.Source;
                var fieldErrors = r.Errors;
                var entityId = pathId ?? 0;
                if (pathId is null)
                {
                    if (!r.Int("entity_id", out entityId))
                    {
                        if (!r.Has("entity_id"))
                        {
                            fieldErrors.Add(FieldError.Blank("entity_id"));
                        }
                    }
                    else if (!CrmRepository.Exists(c, tx, kind, entityId))
                    {
                        fieldErrors.Add(FieldError.Choice("entity_id"));
                    }
                }

                var toType = r.Text("to_entity_type", out var t) ? t : null;
                if (toType is null && !r.Has("to_entity_type"))
                {
                    fieldErrors.Add(FieldError.Blank("to_entity_type"));
                }

                var targetKind = toType is not null && kind.LinkTargets.Contains(toType) ? CrmKind.Find(toType) : null;
                if (toType is not null && targetKind is null && toType != "catalog_elements")
                {
                    fieldErrors.Add(FieldError.Choice("to_entity_type"));
                }

                if (r.Int("to_entity_id", out var toId))
                {
                    // Lists (catalog elements) are not emulated, so no element id is ever valid.
                    if (toType == "catalog_elements" || (targetKind is not null && !CrmRepository.Exists(c, tx, targetKind, toId)))
                    {
                        fieldErrors.Add(FieldError.Choice("to_entity_id"));
                    }
                }
                else if (!r.Has("to_entity_id"))
                {
                    fieldErrors.Add(FieldError.Blank("to_entity_id"));
                }

                if (fieldErrors.Count > 0 || targetKind is null)
                {
                    errors.Add(requestId, fieldErrors);
                    continue;
                }

                if (link)
                {
                    var isMain = item["metadata"]?["is_main"]?.GetValueKind() == JsonValueKind.True;
                    LinkWriter.Link(w, kind.Name, entityId, targetKind.Name, toId, isMain);
                    var row = Row.Query(c, tx,
                        "SELECT * FROM api_links WHERE entity_type = $f AND entity_id = $fi AND to_entity_type = $t AND to_entity_id = $ti",
                        ("$f", kind.Name), ("$fi", entityId), ("$t", targetKind.Name), ("$ti", toId)).First();
                    done.Add((JsonNode)LinkWriter.Render(row));
                }
                else
                {
                    LinkWriter.Unlink(c, tx, kind.Name, entityId, targetKind.Name, toId);
                }
            }

            if (errors.Any)
            {
                return Kommo.Validation(errors);
            }

            var self = pathId is { } p ? $"/api/v4/{kind.Name}/{p}/link" : $"/api/v4/{kind.Name}/link";
            return Kommo.Hal(LinkWriter.Envelope(ctx, self, done));
        }).ConfigureAwait(false);
        return Respond.IsOk(result) && !link ? TypedResults.NoContent() : result;
    }
}
