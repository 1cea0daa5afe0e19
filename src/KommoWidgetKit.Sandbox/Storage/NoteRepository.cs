using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Notes of leads, contacts, companies and customers.</summary>
internal static class NoteRepository
{
    public static readonly string[] Orders = ["updated_at", "id"];

    /// <summary>Note types a client may add, with the <c>params</c> keys that must be strings.</summary>
    private static readonly Dictionary<string, string[]> Writable = new(StringComparer.Ordinal)
    {
        ["common"] = ["text"],
        ["call_in"] = ["phone"],
        ["call_out"] = ["phone"],
        ["service_message"] = ["service", "text"],
        ["extended_service_message"] = ["service", "text"],
        ["geolocation"] = ["text"],
        ["sms_in"] = ["text", "phone"],
        ["sms_out"] = ["text", "phone"],
        ["attachment"] = ["file_uuid", "file_name"],
    };

    public static JsonObject Render(ApiContext ctx, Row n)
    {
        var id = n.Long("id");
        var entityType = n.String("entity_type");
        var entityId = n.Long("entity_id");
        return new JsonObject
        {
            ["id"] = id,
            ["entity_id"] = entityId,
            ["created_by"] = n.Long("created_by"),
            ["updated_by"] = n.Long("updated_by"),
            ["created_at"] = n.Long("created_at"),
            ["updated_at"] = n.Long("updated_at"),
            ["responsible_user_id"] = n.Long("responsible_user_id"),
            ["group_id"] = n.Long("group_id"),
            ["note_type"] = n.String("note_type"),
            ["params"] = n.JsonColumn("params"),
            ["account_id"] = ctx.AccountId,
            ["is_pinned"] = n.Bool("is_pinned"),
            ["_links"] = ctx.Links($"/api/v4/{entityType}/{entityId}/notes/{id}"),
        };
    }

    public static Row? GetRow(SqliteConnection c, SqliteTransaction tx, string entityType, long id, long? entityId) =>
        Row.Query(c, tx, "SELECT * FROM api_notes WHERE id = $id AND entity_type = $e AND ($eid IS NULL OR entity_id = $eid)",
            ("$id", id), ("$e", entityType), ("$eid", entityId)).FirstOrDefault();

    public static (List<JsonObject> Items, bool HasNext, string? Invalid) List(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, string entityType, long? entityId, ListRequest request)
    {
        var where = new SqlWhere();
        where.Add($"entity_type = {where.Param(entityType)}");
        if (entityId is { } eid)
        {
            where.Add($"entity_id = {where.Param(eid)}");
        }
        else
        {
            where.Ids(request.Filter, "entity_id", "entity_id");
        }

        where.Ids(request.Filter, "id", "id");
        where.Texts(request.Filter, "note_type", "note_type");
        where.Range(request.Filter, "updated_at", "updated_at", scalarIsFrom: true);
        if (where.Invalid.Count > 0)
        {
            return ([], false, where.Invalid[0]);
        }

        var dir = request.OrderDescending ? "DESC" : "ASC";
        var order = request.OrderField == "updated_at" ? $"updated_at {dir}, id {dir}" : $"id {dir}";
        using var command = SandboxDatabase.Command(c, tx, $"SELECT * FROM api_notes{where.Sql} ORDER BY {order} LIMIT {request.Limit + 1} OFFSET {request.Offset}");
        where.Bind(command);
        var rows = Row.ReadAll(command);
        return (rows.Take(request.Limit).Select(r => Render(ctx, r)).ToList(), rows.Count > request.Limit, null);
    }

    /// <summary>Validates and writes one note; on add the parent comes from the path or the item's <c>entity_id</c>.</summary>
    public static long? Save(WriteContext w, CrmKind kind, ItemReader r, long? pathEntityId, long? updateId)
    {
        var before = r.Errors.Count;
        Row? existing = null;
        if (updateId is { } id)
        {
            existing = GetRow(w.C, w.Tx, kind.Name, id, pathEntityId);
            if (existing is null)
            {
                r.Errors.Add(FieldError.NotFound(r.Path("id")));
                return null;
            }
        }

        var cols = new List<(string Column, object? Value)>();
        long? entityId = existing?.Long("entity_id") ?? pathEntityId;
        if (existing is null && pathEntityId is null)
        {
            if (r.Int("entity_id", out var eid))
            {
                entityId = eid;
            }
            else if (!r.Has("entity_id"))
            {
                r.Errors.Add(FieldError.Blank(r.Path("entity_id")));
            }
        }

        if (existing is null && entityId is { } parent && !CrmRepository.Exists(w.C, w.Tx, kind, parent))
        {
            r.Errors.Add(FieldError.Choice(r.Path("entity_id")));
        }

        var noteType = existing?.String("note_type");
        if (r.Text("note_type", out var nt))
        {
            if (existing is not null && nt != noteType)
            {
                r.Errors.Add(FieldError.Choice(r.Path("note_type")));
            }
            else if (!Writable.ContainsKey(nt))
            {
                r.Errors.Add(FieldError.Choice(r.Path("note_type")));
            }
            else
            {
                noteType = nt;
            }
        }
        else if (existing is null && !r.Has("note_type"))
        {
            r.Errors.Add(FieldError.Blank(r.Path("note_type")));
        }

        if (r.Has("params") || existing is null)
        {
            if (r["params"] is not JsonObject parameters)
            {
                r.Errors.Add(FieldError.Type(r.Path("params"), "array"));
            }
            else if (noteType is not null && Writable.TryGetValue(noteType, out var required))
            {
                var missing = required.FirstOrDefault(key => parameters[key]?.GetValueKind() != JsonValueKind.String);
                if (missing is not null)
                {
                    r.Errors.Add(FieldError.Blank(r.Path("params." + missing)));
                }
                else
                {
                    cols.Add(("params", parameters.ToJsonString()));
                }
            }
        }

        var responsible = w.Responsible(r, existing, cols);

        w.Authors(r, cols, "created_by");

        if (r.Int("created_at", out var createdAt))
        {
            cols.Add(("created_at", createdAt));
        }

        if (r.Bool("is_pinned", out var pinned))
        {
            cols.Add(("is_pinned", pinned ? 1 : 0));
        }

        if (r.Errors.Count > before)
        {
            return null;
        }

        if (existing is null)
        {
            var defaults = new List<(string Column, object? Value)>
            {
                ("entity_type", kind.Name), ("entity_id", entityId), ("note_type", noteType), ("created_by", w.Api.CurrentUserId),
                ("updated_by", w.Api.CurrentUserId), ("created_at", w.Now), ("updated_at", w.Now), ("responsible_user_id", responsible),
                ("group_id", w.GroupOf(responsible)),
            };
            return SandboxDatabase.Insert(w.C, w.Tx, "api_notes", defaults.Where(d => !cols.Any(c => c.Column == d.Column)).Concat(cols).ToList());
        }

        cols.Add(("updated_at", Math.Max(w.Now, existing.Long("updated_at"))));
        cols.Add(("updated_by", w.Api.CurrentUserId));
        SandboxDatabase.Update(w.C, w.Tx, "api_notes", "id = $id", cols, ("$id", existing.Long("id")));
        return existing.Long("id");
    }
}
