using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Widgets known to the sandbox account: two public ones and the widget under development.</summary>
internal static class WidgetRepository
{
    public static JsonObject? Get(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, string code)
    {
        var row = Row.Query(c, tx, "SELECT * FROM api_widgets WHERE code = $c", ("$c", code)).FirstOrDefault();
        return row is null ? null : Render(ctx, row);
    }

    public static Row? GetRow(SqliteConnection c, SqliteTransaction tx, string code) =>
        Row.Query(c, tx, "SELECT * FROM api_widgets WHERE code = $c", ("$c", code)).FirstOrDefault();

    /// <summary>Renders a widget; <c>settings</c> only for the widget under development, as Kommo shows them only to the widget's own integration.</summary>
    public static JsonObject Render(ApiContext ctx, Row w)
    {
        var code = w.String("code");
        var rating = w.String("rating");
        var o = new JsonObject
        {
            ["id"] = w.Long("id"),
            ["code"] = code,
            ["version"] = w.String("version"),
            ["rating"] = double.TryParse(rating, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? JsonValue.Create(r) : JsonValue.Create(rating),
            ["settings_template"] = w.JsonColumn("settings_template"),
            ["is_lead_source"] = w.Bool("is_lead_source"),
            ["is_work_with_dp"] = w.Bool("is_work_with_dp"),
            ["is_crm_template"] = w.Bool("is_crm_template"),
            ["client_uuid"] = w.TextNode("client_uuid"),
            ["is_active_in_account"] = w.Bool("is_active_in_account"),
            ["pipeline_id"] = w.IntNode("pipeline_id"),
        };
        if (w.Bool("is_own"))
        {
            o["settings"] = w.JsonColumn("settings") ?? new JsonArray();
        }

        o["_links"] = ctx.Links($"/api/v4/widgets/{Uri.EscapeDataString(code)}");
        return o;
    }
}
