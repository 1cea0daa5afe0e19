namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/{entity}/custom_fields</c>: definitions (list, get, add, edit, delete) and their groups.</summary>
internal static class CustomFieldsEndpoints
{
    private static readonly string[] Orders = ["sort", "id"];

    public static void MapCustomFields(this IEndpointRouteBuilder api, CrmKind kind)
    {
        var group = api.MapGroup($"/{kind.Name}/custom_fields");
        var path = $"/api/v4/{kind.Name}/custom_fields";
        group.MapGet("/", (HttpContext http, SandboxStore store) => List(http, store, kind));
        group.MapGet("/{id:long}", (HttpContext http, SandboxStore store, long id) => Get(http, store, kind, id));
        group.MapPost("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, path, path + "/{0}", "custom_fields", update: false,
                (w, r, _) => CustomFieldRepository.Save(w, kind.Name, r, null), (w, result, id) => Describe(w, kind, result, id)));
        group.MapPatch("/", (HttpContext http, SandboxStore store) =>
            Respond.Batch(http, store, path, path + "/{0}", "custom_fields", update: true,
                (w, r, id) => Load(w, kind, id!.Value) is { } def ? CustomFieldRepository.Save(w, kind.Name, r, def) : NotFound(r),
                (w, result, id) => Describe(w, kind, result, id)));
        group.MapPatch("/{id:long}", (HttpContext http, SandboxStore store, long id) => Edit(http, store, kind, id));
        group.MapDelete("/{id:long}", (SandboxStore store, long id) => Delete(store, kind, id));
        group.MapGet("/groups", (HttpContext http, SandboxStore store) => Groups(http, store, kind));
        group.MapPost("/groups", (HttpContext http, SandboxStore store) => AddGroups(http, store, kind));
    }

    private static long? NotFound(ItemReader r)
    {
        r.Errors.Add(FieldError.NotFound("id"));
        return null;
    }

    private static FieldDef? Load(WriteContext w, CrmKind kind, long id) =>
        FieldDef.LoadAll(w.C, w.Tx, kind.Name).FirstOrDefault(d => d.Id == id);

    private static void Describe(WriteContext w, CrmKind kind, JsonObject result, long id)
    {
        var rendered = CustomFieldRepository.Render(w.Api, Load(w, kind, id)!);
        foreach (var (key, value) in rendered.ToList())
        {
            rendered.Remove(key);
            result[key] = value;
        }
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store, CrmKind kind)
    {
        var request = ListRequest.Parse(http, Orders, out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        var types = request.Filter["type"]?.AllValues().ToHashSet(StringComparer.Ordinal);
        var ids = request.Filter["id"]?.AllValues().ToHashSet(StringComparer.Ordinal);
        var defs = store.Database.Read((c, tx) => FieldDef.LoadAll(c, tx, kind.Name))
            .Where(d => types is null || types.Count == 0 || types.Contains(d.Type))
            .Where(d => ids is null || ids.Count == 0 || ids.Contains(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (request.OrderField == "id")
        {
            defs = request.OrderDescending ? defs.OrderByDescending(d => d.Id) : defs.OrderBy(d => d.Id);
        }
        else if (request.OrderDescending)
        {
            defs = defs.OrderByDescending(d => d.Sort).ThenByDescending(d => d.Id);
        }

        var all = defs.ToList();
        var items = all.Skip(request.Offset).Take(request.Limit).Select(d => CustomFieldRepository.Render(ctx, d)).ToList();
        return Respond.List(http, ctx, request, "custom_fields", (items, all.Count > request.Offset + request.Limit, null), all.Count);
    }

    private static Results<HalJsonResult, NoContent> Get(HttpContext http, SandboxStore store, CrmKind kind, long id)
    {
        var ctx = store.Context(http);
        var def = store.Database.Read((c, tx) => FieldDef.LoadAll(c, tx, kind.Name).FirstOrDefault(d => d.Id == id));
        return Respond.One(store, def is null ? null : CustomFieldRepository.Render(ctx, def), "Custom field not found");
    }

    private static Task<HalJsonResult> Edit(HttpContext http, SandboxStore store, CrmKind kind, long id) =>
        Respond.WriteObject(http, store, (c, tx, ctx, item) =>
        {
            var w = new WriteContext(c, tx, ctx);
            if (Load(w, kind, id) is not { } def)
            {
                return Kommo.NotFound("Custom field not found");
            }

            var errors = new List<FieldError>();
            if (CustomFieldRepository.Save(w, kind.Name, new ItemReader(item, string.Empty, errors), def) is null)
            {
                return Kommo.Validation(ItemReader.RequestId(item, 0), errors);
            }

            return Kommo.Hal(CustomFieldRepository.Render(ctx, Load(w, kind, id)!));
        });

    private static async Task<Results<HalJsonResult, NoContent>> Delete(SandboxStore store, CrmKind kind, long id)
    {
        var result = await store.Database.WriteAsync<HalJsonResult?>((c, tx) =>
        {
            var def = FieldDef.LoadAll(c, tx, kind.Name).FirstOrDefault(d => d.Id == id);
            if (def is null)
            {
                return Kommo.NotFound("Custom field not found");
            }

            if (!def.IsDeletable)
            {
                return Kommo.BadRequest("This field can not be deleted");
            }

            SandboxDatabase.Execute(c, tx, "DELETE FROM api_custom_fields WHERE id = $id", ("$id", id));
            return null;
        }, r => r is null).ConfigureAwait(false);
        return result is null ? TypedResults.NoContent() : result;
    }

    private static JsonObject RenderGroup(ApiContext ctx, Row g) => new()
    {
        ["id"] = g.String("id"),
        ["name"] = g.String("name"),
        ["sort"] = g.Long("sort"),
        ["entity_type"] = g.String("entity_type"),
        ["is_predefined"] = g.Bool("is_predefined"),
        ["_links"] = ctx.Links($"/api/v4/{g.String("entity_type")}/custom_fields/groups/{g.String("id")}"),
    };

    private static HalJsonResult Groups(HttpContext http, SandboxStore store, CrmKind kind)
    {
        var ctx = store.Context(http);
        var groups = store.Database.Read((c, tx) =>
        {
            var array = new JsonArray();
            foreach (var g in Row.Query(c, tx, "SELECT * FROM api_custom_field_groups WHERE entity_type = $e ORDER BY sort, id", ("$e", kind.Name)))
            {
                array.Add((JsonNode)RenderGroup(ctx, g));
            }

            return array;
        });
        return Kommo.Hal(Respond.Collection(ctx, $"/api/v4/{kind.Name}/custom_fields/groups", "custom_field_groups", groups));
    }

    private static Task<HalJsonResult> AddGroups(HttpContext http, SandboxStore store, CrmKind kind) =>
        Respond.WriteArray(http, store, (c, tx, ctx, items) =>
        {
            var errors = new BatchErrors();
            var created = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                var fieldErrors = new List<FieldError>();
                var item = items[i] as JsonObject ?? [];
                var requestId = ItemReader.RequestId(item, i);
                var r = new ItemReader(item, string.Empty, fieldErrors);
                if (!r.Text("name", out var name) || string.IsNullOrWhiteSpace(name))
                {
                    fieldErrors.Add(FieldError.Blank("name"));
                    errors.Add(requestId, fieldErrors);
                    continue;
                }

                var sort = r.Int("sort", out var s) ? s : 1;
                var next = (SandboxDatabase.ScalarLong(c, tx, "SELECT COUNT(*) FROM api_custom_field_groups") ?? 0) + 1;
                var id = $"{kind.Name}_{1600000000 + next}";
                SandboxDatabase.Insert(c, tx, "api_custom_field_groups", [("id", id), ("entity_type", kind.Name), ("name", name), ("sort", sort), ("is_predefined", 0)]);
                var group = RenderGroup(ctx, Row.Query(c, tx, "SELECT * FROM api_custom_field_groups WHERE id = $id", ("$id", id)).First());
                group["request_id"] = requestId;
                created.Add((JsonNode)group);
            }

            return errors.Any
                ? Kommo.Validation(errors)
                : Kommo.Hal(Respond.Collection(ctx, $"/api/v4/{kind.Name}/custom_fields/groups", "custom_field_groups", created));
        });
}
