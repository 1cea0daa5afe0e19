using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Reads leads, contacts, companies and customers and renders them in Kommo's v4 shape.</summary>
internal static class CrmRepository
{
    private static string ClosestTask(CrmKind kind) =>
        $"(SELECT MIN(t.complete_till) FROM api_tasks t WHERE t.entity_type = '{kind.Name}' AND t.entity_id = e.id AND t.is_completed = 0)";

    private static string Select(CrmKind kind) => $"SELECT e.*, {ClosestTask(kind)} AS closest_task_at FROM {kind.Table} e";

    public static bool Exists(SqliteConnection c, SqliteTransaction tx, CrmKind kind, long id) =>
        SandboxDatabase.ScalarLong(c, tx, $"SELECT 1 FROM {kind.Table} WHERE id = $id AND is_deleted = 0", ("$id", id)) is not null;

    public static Row? GetRow(SqliteConnection c, SqliteTransaction tx, CrmKind kind, long id, bool deleted = false) =>
        Row.Query(c, tx, $"{Select(kind)} WHERE e.id = $id AND e.is_deleted = $d", ("$id", id), ("$d", deleted ? 1 : 0)).FirstOrDefault();

    public static JsonObject? Get(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, CrmKind kind, long id, ISet<string> with)
    {
        var row = GetRow(c, tx, kind, id, with.Contains("only_deleted"));
        return row is null ? null : Render(c, tx, ctx, kind, row, with, FieldSet.Load(c, tx, kind.Name));
    }

    /// <summary>One page of a list; <c>null</c> items with a message when a filter value does not parse.</summary>
    public static (List<JsonObject> Items, bool HasNext, string? Invalid) List(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, CrmKind kind, ListRequest request)
    {
        var where = new SqlWhere();
        where.Add($"e.is_deleted = {(request.With.Contains("only_deleted") ? 1 : 0)}");
        var filter = request.Filter;
        foreach (var key in kind.IdFilters)
        {
            where.Ids(filter, key, "e." + key);
        }

        foreach (var key in kind.TextFilters)
        {
            where.Texts(filter, key, "e." + key);
        }

        foreach (var key in kind.RangeFilters)
        {
            where.Range(filter, key, key == "closest_task_at" ? ClosestTask(kind) : "e." + key);
        }

        if (kind == CrmKind.Leads && filter["statuses"] is { } statuses)
        {
            var pairs = new List<string>();
            foreach (var pair in statuses.Children.Values)
            {
                if (!QueryNode.TryLong(pair["pipeline_id"]?.Scalar, out var pipelineId) || !QueryNode.TryLong(pair["status_id"]?.Scalar, out var statusId))
                {
                    where.Invalid.Add("filter[statuses]");
                    break;
                }

                pairs.Add($"(e.pipeline_id = {where.Param(pipelineId)} AND e.status_id = {where.Param(statusId)})");
            }

            if (pairs.Count > 0)
            {
                where.Add("(" + string.Join(" OR ", pairs) + ")");
            }
        }

        if (filter["custom_fields_values"] is { } cf)
        {
            AddCustomFieldFilters(where, cf);
        }

        if (request.Query is { } query)
        {
            var like = where.Param(SqlWhere.Like(query));
            var exact = QueryNode.TryLong(query, out var number) ? $" OR e.id = {where.Param(number)}" : string.Empty;
            where.Add($"(e.name LIKE {like} ESCAPE '\\'{exact} OR EXISTS (SELECT 1 FROM json_each(e.cf_json) f, json_each(f.value, '$.values') v " +
                      $"WHERE CAST(json_extract(v.value, '$.value') AS TEXT) LIKE {like} ESCAPE '\\'))");
        }

        if (request.ModifiedSince is { } since)
        {
            where.Add($"e.updated_at >= {where.Param(since)}");
        }

        if (where.Invalid.Count > 0)
        {
            return ([], false, where.Invalid[0]);
        }

        var direction = request.OrderDescending ? "DESC" : "ASC";
        var order = request.OrderField is { } field && field != "id" ? $"e.{field} {direction}, e.id {direction}" : $"e.id {direction}";
        using var command = SandboxDatabase.Command(c, tx,
            $"{Select(kind)}{where.Sql} ORDER BY {order} LIMIT {request.Limit + 1} OFFSET {request.Offset}");
        where.Bind(command);
        var rows = Row.ReadAll(command);
        var fields = FieldSet.Load(c, tx, kind.Name);
        var items = rows.Take(request.Limit).Select(r => Render(c, tx, ctx, kind, r, request.With, fields)).ToList();
        return (items, rows.Count > request.Limit, null);
    }

    /// <summary><c>filter[custom_fields_values][FIELD_ID][]=v</c> (any value or enum id matches) or <c>[FIELD_ID][from|to]</c>.</summary>
    private static void AddCustomFieldFilters(SqlWhere where, QueryNode cf)
    {
        foreach (var (fieldKey, node) in cf.Children)
        {
            if (!QueryNode.TryLong(fieldKey, out var fieldId))
            {
                where.Invalid.Add("filter[custom_fields_values]");
                return;
            }

            var prefix = $"EXISTS (SELECT 1 FROM json_each(e.cf_json) f, json_each(f.value, '$.values') v WHERE json_extract(f.value, '$.field_id') = {where.Param(fieldId)}";
            if (node.HasRange)
            {
                var bounds = new List<string>();
                foreach (var (bound, op) in new[] { ("from", ">="), ("to", "<=") })
                {
                    if (node[bound]?.Scalar is { } text)
                    {
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                        {
                            where.Invalid.Add($"filter[custom_fields_values][{fieldKey}][{bound}]");
                            return;
                        }

                        bounds.Add($"CAST(json_extract(v.value, '$.value') AS REAL) {op} {where.Param(value)}");
                    }
                }

                where.Add($"{prefix} AND {string.Join(" AND ", bounds)})");
                continue;
            }

            var values = node.AllValues().Concat(node.Children.Where(ch => !ch.Key.All(char.IsAsciiDigit)).SelectMany(ch => ch.Value.Values)).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var parameters = values.Select(v => where.Param(v is "true" ? "1" : v is "false" ? "0" : v)).ToList();
            var list = string.Join(", ", parameters);
            where.Add($"{prefix} AND (CAST(json_extract(v.value, '$.value') AS TEXT) IN ({list}) OR CAST(json_extract(v.value, '$.enum_id') AS TEXT) IN ({list})))");
        }
    }

    /// <summary>Renders a row with Kommo's key order, <c>_links</c> and <c>_embedded</c> (tags and companies always, the rest by <c>with</c>).</summary>
    public static JsonObject Render(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, CrmKind kind, Row row, ISet<string> with, FieldSet fields)
    {
        var id = row.Long("id");
        var o = new JsonObject();
        var deleted = row.Bool("is_deleted");
        if (deleted)
        {
            // Kommo lists deleted entities as stubs: identity, last change and the flag.
            o["id"] = id;
            o["updated_at"] = row.Long("updated_at");
            o["updated_by"] = row.Long("updated_by");
            o["account_id"] = ctx.AccountId;
            o["is_deleted"] = true;
            o["_links"] = ctx.Links($"/api/v4/{kind.Name}/{id}");
            return o;
        }

        void Int(string key) => o[key] = row.Long(key);
        void NullInt(string key) => o[key] = row.IntNode(key);
        void Text(string key) => o[key] = row.String(key);

        switch (kind.Name)
        {
            case "leads":
                Int("id"); Text("name"); Int("price"); Int("responsible_user_id"); Int("group_id"); Int("status_id"); Int("pipeline_id");
                NullInt("loss_reason_id");
                if (with.Contains("source_id"))
                {
                    NullInt("source_id");
                }

                Int("created_by"); Int("updated_by"); Int("created_at"); Int("updated_at"); NullInt("closed_at"); NullInt("closest_task_at");
                o["is_deleted"] = false;
                o["custom_fields_values"] = CustomFieldValues.Render(row.String("cf_json"), fields);
                NullInt("score");
                o["account_id"] = ctx.AccountId;
                o["labor_cost"] = row.IntNode("labor_cost");
                if (with.Contains("is_price_modified_by_robot"))
                {
                    o["is_price_modified_by_robot"] = false;
                }

                break;
            case "contacts":
                Int("id"); Text("name"); Text("first_name"); Text("last_name"); Int("responsible_user_id"); Int("group_id");
                Int("created_by"); Int("updated_by"); Int("created_at"); Int("updated_at"); NullInt("closest_task_at");
                o["is_unsorted"] = false;
                o["custom_fields_values"] = CustomFieldValues.Render(row.String("cf_json"), fields);
                o["account_id"] = ctx.AccountId;
                break;
            case "companies":
                Int("id"); Text("name"); Int("responsible_user_id"); Int("group_id"); Int("created_by"); Int("updated_by");
                Int("created_at"); Int("updated_at"); NullInt("closest_task_at");
                o["custom_fields_values"] = CustomFieldValues.Render(row.String("cf_json"), fields);
                o["account_id"] = ctx.AccountId;
                break;
            default:
                Int("id"); Text("name"); Int("next_price"); NullInt("next_date"); Int("responsible_user_id"); NullInt("status_id");
                Int("periodicity"); Int("created_by"); Int("updated_by"); Int("created_at"); Int("updated_at"); NullInt("closest_task_at");
                o["is_deleted"] = false;
                o["custom_fields_values"] = CustomFieldValues.Render(row.String("cf_json"), fields);
                Int("ltv"); Int("purchases_count"); Int("average_check");
                o["account_id"] = ctx.AccountId;
                break;
        }

        o["_links"] = ctx.Links($"/api/v4/{kind.Name}/{id}");
        o["_embedded"] = Embedded(c, tx, ctx, kind, id, row, with);
        return o;
    }

    private static JsonObject Embedded(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, CrmKind kind, long id, Row row, ISet<string> with)
    {
        var embedded = new JsonObject { ["tags"] = Tags(c, tx, kind.Name, id) };
        if (with.Contains("catalog_elements"))
        {
            embedded["catalog_elements"] = new JsonArray(); // lists (catalogs) are not emulated
        }

        if (kind == CrmKind.Leads && with.Contains("loss_reason") && row.NullableLong("loss_reason_id") is { } reasonId)
        {
            var reasons = new JsonArray();
            foreach (var r in Row.Query(c, tx, "SELECT * FROM api_loss_reasons WHERE id = $id", ("$id", reasonId)))
            {
                reasons.Add((JsonNode)PipelineRepository.RenderLossReason(ctx, r));
            }

            embedded["loss_reason"] = reasons;
        }

        if (kind != CrmKind.Companies)
        {
            embedded["companies"] = Linked(c, tx, ctx, kind.Name, id, "companies", false);
        }

        if (kind != CrmKind.Contacts && with.Contains("contacts"))
        {
            embedded["contacts"] = Linked(c, tx, ctx, kind.Name, id, "contacts", kind == CrmKind.Leads || kind == CrmKind.Customers);
        }

        if (kind != CrmKind.Leads && kind != CrmKind.Customers && with.Contains("leads"))
        {
            embedded["leads"] = Linked(c, tx, ctx, kind.Name, id, "leads", false);
        }

        if (kind != CrmKind.Leads && kind != CrmKind.Customers && with.Contains("customers"))
        {
            embedded["customers"] = Linked(c, tx, ctx, kind.Name, id, "customers", false);
        }

        return embedded;
    }

    public static JsonArray Tags(SqliteConnection c, SqliteTransaction tx, string entityType, long id)
    {
        var tags = new JsonArray();
        foreach (var t in Row.Query(c, tx,
                     "SELECT t.id, t.name, t.color FROM api_entity_tags et JOIN api_tags t ON t.id = et.tag_id WHERE et.entity_type = $e AND et.entity_id = $i ORDER BY t.id",
                     ("$e", entityType), ("$i", id)))
        {
            tags.Add((JsonNode)new JsonObject { ["id"] = t.Long("id"), ["name"] = t.String("name"), ["color"] = t.TextNode("color") });
        }

        return tags;
    }

    private static JsonArray Linked(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, string from, long id, string to, bool withMain)
    {
        var items = new JsonArray();
        foreach (var l in Row.Query(c, tx,
                     $"SELECT l.to_entity_id, l.is_main FROM api_links l JOIN api_{to} x ON x.id = l.to_entity_id AND x.is_deleted = 0 " +
                     "WHERE l.entity_type = $f AND l.entity_id = $i AND l.to_entity_type = $t ORDER BY l.is_main DESC, l.to_entity_id",
                     ("$f", from), ("$i", id), ("$t", to)))
        {
            var toId = l.Long("to_entity_id");
            var item = new JsonObject { ["id"] = toId };
            if (withMain)
            {
                item["is_main"] = l.Bool("is_main");
            }

            item["_links"] = ctx.Links($"/api/v4/{to}/{toId.ToString(CultureInfo.InvariantCulture)}");
            items.Add((JsonNode)item);
        }

        return items;
    }
}
