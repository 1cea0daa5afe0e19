using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Links between entities: kept symmetric, at most one company per lead/contact/customer and one main contact.</summary>
internal static class LinkWriter
{
    public static void Link(WriteContext w, string from, long fromId, string to, long toId, bool isMain)
    {
        if (to == "companies" && from != "companies")
        {
            foreach (var old in Row.Query(w.C, w.Tx,
                         "SELECT to_entity_id FROM api_links WHERE entity_type = $f AND entity_id = $i AND to_entity_type = 'companies' AND to_entity_id <> $t",
                         ("$f", from), ("$i", fromId), ("$t", toId)))
            {
                Unlink(w.C, w.Tx, from, fromId, "companies", old.Long("to_entity_id"));
            }
        }

        if (from == "companies" && to is "leads" or "contacts" or "customers")
        {
            // Seen from the other side: that entity may only keep this one company.
            foreach (var old in Row.Query(w.C, w.Tx,
                         "SELECT to_entity_id FROM api_links WHERE entity_type = $t AND entity_id = $ti AND to_entity_type = 'companies' AND to_entity_id <> $f",
                         ("$t", to), ("$ti", toId), ("$f", fromId)))
            {
                Unlink(w.C, w.Tx, to, toId, "companies", old.Long("to_entity_id"));
            }
        }

        if (isMain && to == "contacts")
        {
            SandboxDatabase.Execute(w.C, w.Tx, "UPDATE api_links SET is_main = 0 WHERE entity_type = $f AND entity_id = $i AND to_entity_type = 'contacts'",
                ("$f", from), ("$i", fromId));
            SandboxDatabase.Execute(w.C, w.Tx, "UPDATE api_links SET is_main = 0 WHERE to_entity_type = $f AND to_entity_id = $i AND entity_type = 'contacts'",
                ("$f", from), ("$i", fromId));
        }

        SandboxSeeder.Link(w.C, w.Tx, from, fromId, to, toId, isMain);
    }

    public static void Unlink(SqliteConnection c, SqliteTransaction tx, string from, long fromId, string to, long toId)
    {
        const string sql = "DELETE FROM api_links WHERE entity_type = $f AND entity_id = $fi AND to_entity_type = $t AND to_entity_id = $ti";
        SandboxDatabase.Execute(c, tx, sql, ("$f", from), ("$fi", fromId), ("$t", to), ("$ti", toId));
        SandboxDatabase.Execute(c, tx, sql, ("$f", to), ("$fi", toId), ("$t", from), ("$ti", fromId));
    }

    /// <summary>Links of some entities of one type, optionally narrowed by the target.</summary>
    public static JsonArray List(SqliteConnection c, SqliteTransaction tx, string from, IReadOnlyList<long> ids, string? toType, long? toId)
    {
        var where = new SqlWhere();
        where.Add($"entity_type = {where.Param(from)}");
        where.Add($"entity_id IN ({string.Join(", ", ids.Select(i => where.Param(i)))})");
        if (toType is not null)
        {
            where.Add($"to_entity_type = {where.Param(toType)}");
        }

        if (toId is { } target)
        {
            where.Add($"to_entity_id = {where.Param(target)}");
        }

        using var command = SandboxDatabase.Command(c, tx, $"SELECT * FROM api_links{where.Sql} ORDER BY entity_id, to_entity_type, to_entity_id");
        where.Bind(command);
        var links = new JsonArray();
        foreach (var l in Row.ReadAll(command))
        {
            links.Add((JsonNode)Render(l));
        }

        return links;
    }

    /// <summary>A link item; <c>metadata</c> is <c>{"main_contact": bool}</c> for contacts and null otherwise (Kommo's asymmetry).</summary>
    public static JsonObject Render(Row l)
    {
        var contactSide = l.String("to_entity_type") == "contacts" || (l.String("entity_type") == "contacts" && l.String("to_entity_type") == "leads");
        return new JsonObject
        {
            ["entity_id"] = l.Long("entity_id"),
            ["entity_type"] = l.String("entity_type"),
            ["to_entity_id"] = l.Long("to_entity_id"),
            ["to_entity_type"] = l.String("to_entity_type"),
            ["metadata"] = contactSide ? new JsonObject { ["main_contact"] = l.Bool("is_main") } : null,
        };
    }

    public static JsonObject Envelope(ApiContext ctx, string selfPath, JsonArray links) => Respond.Collection(ctx, selfPath, "links", links);

    public static CrmKind? TargetKind(string type) => CrmKind.Find(type);
}
