using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Tasks: list with Kommo's filters, rendering, validation of adds and edits.</summary>
internal static class TaskRepository
{
    public static readonly string[] Orders = ["created_at", "complete_till", "id"];

    public static JsonObject Render(ApiContext ctx, Row t)
    {
        var id = t.Long("id");
        return new JsonObject
        {
            ["id"] = id,
            ["created_by"] = t.Long("created_by"),
            ["updated_by"] = t.Long("updated_by"),
            ["created_at"] = t.Long("created_at"),
            ["updated_at"] = t.Long("updated_at"),
            ["responsible_user_id"] = t.Long("responsible_user_id"),
            ["group_id"] = t.Long("group_id"),
            ["entity_id"] = t.IntNode("entity_id"),
            ["entity_type"] = t.TextNode("entity_type"),
            ["duration"] = t.Long("duration"),
            ["is_completed"] = t.Bool("is_completed"),
            ["task_type_id"] = t.Long("task_type_id"),
            ["text"] = t.String("text"),
            // Kommo lists an empty result as [] and a filled one as {text}.
            ["result"] = t.NullableString("result_text") is { } result ? new JsonObject { ["text"] = result } : new JsonArray(),
            ["complete_till"] = t.Long("complete_till"),
            ["account_id"] = ctx.AccountId,
            ["_links"] = ctx.Links($"/api/v4/tasks/{id}"),
        };
    }

    public static Row? GetRow(SqliteConnection c, SqliteTransaction tx, long id) =>
        Row.Query(c, tx, "SELECT * FROM api_tasks WHERE id = $id", ("$id", id)).FirstOrDefault();

    public static (List<JsonObject> Items, bool HasNext, string? Invalid) List(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, ListRequest request)
    {
        var where = new SqlWhere();
        var f = request.Filter;
        where.Ids(f, "id", "id");
        where.Ids(f, "responsible_user_id", "responsible_user_id");
        where.Ids(f, "task_type", "task_type_id");
        where.Ids(f, "task_type_id", "task_type_id");
        where.Ids(f, "entity_id", "entity_id");
        where.Texts(f, "entity_type", "entity_type");
        where.Range(f, "updated_at", "updated_at", scalarIsFrom: true);
        where.Range(f, "created_at", "created_at");
        where.Range(f, "complete_till", "complete_till");
        if (f["is_completed"]?.Scalar is { } done)
        {
            if (done is "1" or "true")
            {
                where.Add("is_completed = 1");
            }
            else if (done is "0" or "false")
            {
                where.Add("is_completed = 0");
            }
            else
            {
                where.Invalid.Add("filter[is_completed]");
            }
        }

        if (request.ModifiedSince is { } since)
        {
            where.Add($"updated_at >= {where.Param(since)}");
        }

        if (where.Invalid.Count > 0)
        {
            return ([], false, where.Invalid[0]);
        }

        var dir = request.OrderDescending ? "DESC" : "ASC";
        var order = request.OrderField is { } field && field != "id" ? $"{field} {dir}, id {dir}" : $"id {dir}";
        using var command = SandboxDatabase.Command(c, tx, $"SELECT * FROM api_tasks{where.Sql} ORDER BY {order} LIMIT {request.Limit + 1} OFFSET {request.Offset}");
        where.Bind(command);
        var rows = Row.ReadAll(command);
        return (rows.Take(request.Limit).Select(r => Render(ctx, r)).ToList(), rows.Count > request.Limit, null);
    }

    /// <summary>Validates and writes one task; <c>text</c> and <c>complete_till</c> are required on add.</summary>
    public static long? Save(WriteContext w, ItemReader r, long? updateId)
    {
        var before = r.Errors.Count;
        Row? existing = null;
        if (updateId is { } id)
        {
            existing = GetRow(w.C, w.Tx, id);
            if (existing is null)
            {
                r.Errors.Add(FieldError.NotFound(r.Path("id")));
                return null;
            }
        }

        var cols = new List<(string Column, object? Value)>();
        if (r.Text("text", out var text))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                r.Errors.Add(FieldError.Blank(r.Path("text")));
            }
            else
            {
                cols.Add(("text", text));
            }
        }
        else if (existing is null && !r.Has("text"))
        {
            r.Errors.Add(FieldError.Blank(r.Path("text")));
        }

        if (r.Has("complete_till"))
        {
            if (CustomFieldValues.AsTimestamp(r["complete_till"]) is { } till)
            {
                cols.Add(("complete_till", till));
            }
            else
            {
                r.Errors.Add(FieldError.Type(r.Path("complete_till"), "int"));
            }
        }
        else if (existing is null)
        {
            r.Errors.Add(FieldError.Blank(r.Path("complete_till")));
        }

        var responsible = w.Responsible(r, existing, cols);

        w.Authors(r, cols, "created_by", "updated_by");

        foreach (var key in new[] { "created_at", "updated_at", "duration" })
        {
            if (r.Int(key, out var v))
            {
                cols.Add((key, v));
            }
        }

        if (r.Int("task_type_id", out var type))
        {
            if (SandboxDatabase.ScalarLong(w.C, w.Tx, "SELECT 1 FROM api_task_types WHERE id = $id", ("$id", type)) is null)
            {
                r.Errors.Add(FieldError.Choice(r.Path("task_type_id")));
            }
            else
            {
                cols.Add(("task_type_id", type));
            }
        }

        if (r.Bool("is_completed", out var completed))
        {
            cols.Add(("is_completed", completed ? 1 : 0));
        }

        if (r.Has("result"))
        {
            if (r["result"] is JsonObject result && result["text"] is { } resultText && resultText.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                cols.Add(("result_text", (string)resultText!));
            }
            else if (r["result"] is not null)
            {
                r.Errors.Add(FieldError.Type(r.Path("result.text"), "string"));
            }
        }

        var entityType = existing?.NullableString("entity_type");
        if (r.Has("entity_type"))
        {
            if (r.Text("entity_type", out var et))
            {
                if (CrmKind.Find(et) is null)
                {
                    r.Errors.Add(FieldError.Choice(r.Path("entity_type")));
                }
                else
                {
                    entityType = et;
                    cols.Add(("entity_type", et));
                }
            }
        }

        if (r.Int("entity_id", out var entityId))
        {
            var kind = CrmKind.Find(entityType);
            if (kind is null)
            {
                r.Errors.Add(FieldError.Blank(r.Path("entity_type")));
            }
            else if (!CrmRepository.Exists(w.C, w.Tx, kind, entityId))
            {
                r.Errors.Add(FieldError.Choice(r.Path("entity_id")));
            }
            else
            {
                cols.Add(("entity_id", entityId));
            }
        }

        if (r.Errors.Count > before)
        {
            return null;
        }

        if (existing is null)
        {
            var defaults = new List<(string Column, object? Value)>
            {
                ("created_by", w.Api.CurrentUserId), ("updated_by", w.Api.CurrentUserId), ("created_at", w.Now), ("updated_at", w.Now),
                ("responsible_user_id", responsible), ("group_id", w.GroupOf(responsible)), ("duration", 0L), ("is_completed", 0),
                ("task_type_id", 1L),
            };
            return SandboxDatabase.Insert(w.C, w.Tx, "api_tasks", defaults.Where(d => !cols.Any(c => c.Column == d.Column)).Concat(cols).ToList());
        }

        if (!cols.Any(c => c.Column == "updated_at"))
        {
            cols.Add(("updated_at", Math.Max(w.Now, existing.Long("updated_at"))));
        }

        if (!cols.Any(c => c.Column == "updated_by"))
        {
            cols.Add(("updated_by", w.Api.CurrentUserId));
        }

        SandboxDatabase.Update(w.C, w.Tx, "api_tasks", "id = $id", cols, ("$id", existing.Long("id")));
        return existing.Long("id");
    }
}
