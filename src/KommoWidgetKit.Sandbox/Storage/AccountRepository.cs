using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>The account, its users, groups and task types in Kommo's shape.</summary>
internal static class AccountRepository
{
    public static readonly string[] UserWith = ["role", "group", "uuid", "amojo_id", "user_rank", "phone_number"];

    public static JsonObject Account(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, SandboxApiOptions options, ISet<string> with)
    {
        var created = long.Parse(SandboxDatabase.GetMeta(c, tx, "account_created_at") ?? "0", CultureInfo.InvariantCulture);
        var o = new JsonObject
        {
            ["id"] = ctx.AccountId,
            ["name"] = "Sandbox account",
            ["subdomain"] = options.Subdomain,
            ["created_at"] = created,
            ["created_by"] = 0,
            ["updated_at"] = created,
            ["updated_by"] = 0,
            ["current_user_id"] = ctx.CurrentUserId,
            ["country"] = "US",
            ["currency"] = "USD",
            ["currency_symbol"] = "$",
            ["customers_mode"] = options.DisableCustomers ? "disabled" : "segments",
            ["is_unsorted_on"] = true,
            ["mobile_feature_version"] = 0,
            ["is_loss_reason_enabled"] = true,
            ["is_helpbot_enabled"] = false,
            ["is_technical_account"] = true,
            ["contact_name_display_order"] = 1,
        };
        if (with.Contains("amojo_id"))
        {
            o["amojo_id"] = SandboxDatabase.GetMeta(c, tx, "amojo_id");
        }

        if (with.Contains("uuid"))
        {
            o["uuid"] = SandboxDatabase.GetMeta(c, tx, "account_uuid");
        }

        if (with.Contains("version"))
        {
            o["version"] = 1;
        }

        if (with.Contains("drive_url"))
        {
            o["drive_url"] = ctx.Url("/drive");
        }

        if (with.Contains("is_api_filter_enabled"))
        {
            o["is_api_filter_enabled"] = true;
        }

        if (with.Contains("entity_names"))
        {
            o["entity_names"] = EntityNames();
        }

        o["_links"] = ctx.Links("/api/v4/account");
        var embedded = new JsonObject();
        if (with.Contains("amojo_rights"))
        {
            embedded["amojo_rights"] = new JsonObject { ["can_direct"] = true, ["can_create_groups"] = true };
        }

        if (with.Contains("users_groups"))
        {
            embedded["users_groups"] = Groups(c, tx);
        }

        if (with.Contains("task_types"))
        {
            embedded["task_types"] = TaskTypes(c, tx);
        }

        if (with.Contains("datetime_settings"))
        {
            embedded["datetime_settings"] = new JsonObject
            {
                ["date_pattern"] = "d.m.Y H:i", ["short_date_pattern"] = "d.m.Y", ["short_time_pattern"] = "H:i", ["date_format"] = "d.m.Y",
                ["time_format"] = "H:i:s", ["timezone"] = "UTC", ["timezone_offset"] = "+00:00",
            };
        }

        if (embedded.Count > 0)
        {
            o["_embedded"] = embedded;
        }

        return o;
    }

    private static JsonObject EntityNames()
    {
        static JsonObject Names(string singular, string plural) => new()
        {
            ["en"] = new JsonObject { ["singular_form"] = new JsonObject { ["default"] = singular }, ["plural_form"] = new JsonObject { ["default"] = plural }, ["gender"] = "m" },
        };

        return new JsonObject { ["leads"] = Names("lead", "leads") };
    }

    public static JsonArray Groups(SqliteConnection c, SqliteTransaction tx)
    {
        var array = new JsonArray();
        foreach (var g in Row.Query(c, tx, "SELECT * FROM api_groups ORDER BY id"))
        {
            array.Add((JsonNode)new JsonObject { ["id"] = g.Long("id"), ["name"] = g.String("name"), ["uuid"] = g.TextNode("uuid") });
        }

        return array;
    }

    public static JsonArray TaskTypes(SqliteConnection c, SqliteTransaction tx)
    {
        var array = new JsonArray();
        foreach (var t in Row.Query(c, tx, "SELECT * FROM api_task_types ORDER BY id"))
        {
            array.Add((JsonNode)new JsonObject
            {
                ["id"] = t.Long("id"), ["name"] = t.String("name"), ["color"] = t.TextNode("color"), ["icon_id"] = t.IntNode("icon_id"),
                ["code"] = t.TextNode("code"),
            });
        }

        return array;
    }

    public static JsonObject RenderUser(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, Row u, ISet<string> with)
    {
        var id = u.Long("id");
        var admin = u.Bool("is_admin");
        static JsonObject Full(bool export) => export
            ? new JsonObject { ["view"] = "A", ["edit"] = "A", ["add"] = "A", ["delete"] = "A", ["export"] = "A" }
            : new JsonObject { ["edit"] = "A", ["delete"] = "A" };

        var o = new JsonObject
        {
            ["id"] = id,
            ["name"] = u.String("name"),
            ["email"] = u.String("email"),
            ["lang"] = u.String("lang"),
            ["rights"] = new JsonObject
            {
                ["leads"] = Full(true), ["contacts"] = Full(true), ["companies"] = Full(true), ["tasks"] = Full(false),
                ["mail_access"] = true, ["catalog_access"] = true, ["status_rights"] = null, ["is_admin"] = admin,
                ["is_free"] = u.Bool("is_free"), ["is_active"] = u.Bool("is_active"), ["group_id"] = u.IntNode("group_id"),
                ["role_id"] = u.IntNode("role_id"),
            },
        };
        if (with.Contains("uuid"))
        {
            o["uuid"] = u.String("uuid");
        }

        if (with.Contains("amojo_id"))
        {
            o["amojo_id"] = u.String("amojo_id");
        }

        if (with.Contains("user_rank"))
        {
            o["user_rank"] = u.String("user_rank");
        }

        if (with.Contains("phone_number"))
        {
            o["phone_number"] = u.TextNode("phone");
        }

        o["_links"] = ctx.Links($"/api/v4/users/{id}");
        var embedded = new JsonObject { ["roles"] = new JsonArray() };
        var groups = new JsonArray();
        if (u.NullableLong("group_id") is { } groupId)
        {
            foreach (var g in Row.Query(c, tx, "SELECT * FROM api_groups WHERE id = $id", ("$id", groupId)))
            {
                groups.Add((JsonNode)new JsonObject { ["id"] = g.Long("id"), ["name"] = g.String("name") });
            }
        }

        embedded["groups"] = groups;
        o["_embedded"] = embedded;
        return o;
    }
}
