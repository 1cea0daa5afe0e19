using System.Globalization;

namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/{entity}/tags</c>: the tags of one entity type (list with search, add).</summary>
internal static class TagsEndpoints
{
    public static void MapTags(this IEndpointRouteBuilder api, CrmKind kind)
    {
        var group = api.MapGroup($"/{kind.Name}/tags");
        group.MapGet("/", (HttpContext http, SandboxStore store) => List(http, store, kind));
        group.MapPost("/", (HttpContext http, SandboxStore store) => Add(http, store, kind));
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store, CrmKind kind)
    {
        var request = ListRequest.Parse(http, ["id"], out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        var page = store.Database.Read((c, tx) =>
        {
            var where = new SqlWhere();
            where.Add($"entity_type = {where.Param(kind.Name)}");
            where.Ids(request.Filter, "id", "id");
            where.Texts(request.Filter, "name", "name");
            if (request.Query is { } query)
            {
                where.Add($"name LIKE {where.Param(SqlWhere.Like(query))} ESCAPE '\\'");
            }

            if (where.Invalid.Count > 0)
            {
                return (new List<JsonObject>(), false, where.Invalid[0]);
            }

            using var command = SandboxDatabase.Command(c, tx,
                $"SELECT * FROM api_tags{where.Sql} ORDER BY id {(request.OrderDescending ? "DESC" : "ASC")} LIMIT {request.Limit + 1} OFFSET {request.Offset}");
            where.Bind(command);
            var rows = Row.ReadAll(command);
            var items = rows.Take(request.Limit)
                .Select(t => new JsonObject { ["id"] = t.Long("id"), ["name"] = t.String("name"), ["color"] = t.TextNode("color") })
                .ToList();
            return (items, rows.Count > request.Limit, (string?)null);
        });
        return Respond.List(http, ctx, request, "tags", page);
    }

    private static Task<HalJsonResult> Add(HttpContext http, SandboxStore store, CrmKind kind) =>
        Respond.WriteArray(http, store, (c, tx, _, items) =>
        {
            var errors = new BatchErrors();
            var created = new JsonArray();
            foreach (var (requestId, r) in ItemReader.Batch(items, errors))
            {
                var item = r.Source;
                var fieldErrors = r.Errors;
                r.RequiredText("name", out var name);

                string? color = null;
                if (item["color"] is not null && r.Text("color", out var given))
                {
                    if (given.Length == 6 && given.All(char.IsAsciiHexDigit))
                    {
                        color = given.ToUpperInvariant();
                    }
                    else
                    {
                        fieldErrors.Add(FieldError.Choice("color"));
                    }
                }

                if (fieldErrors.Count > 0)
                {
                    errors.Add(requestId, fieldErrors);
                    continue;
                }

                name = name.Trim();
                var id = SandboxDatabase.ScalarLong(c, tx, "SELECT id FROM api_tags WHERE entity_type = $e AND name = $n COLLATE NOCASE", ("$e", kind.Name), ("$n", name))
                    ?? SandboxDatabase.Insert(c, tx, "api_tags", [("entity_type", kind.Name), ("name", name), ("color", color)]);
                created.Add((JsonNode)new JsonObject { ["id"] = id, ["name"] = name, ["request_id"] = requestId });
            }

            return errors.Any
                ? Kommo.Validation(errors)
                : Kommo.Hal(new JsonObject { ["_total_items"] = created.Count, ["_embedded"] = new JsonObject { ["tags"] = created } });
        });
}
