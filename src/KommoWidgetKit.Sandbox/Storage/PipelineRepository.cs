using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Pipelines, their stages and loss reasons in Kommo's shape.</summary>
internal static class PipelineRepository
{
    public static bool PipelineExists(SqliteConnection c, SqliteTransaction tx, long id) =>
        SandboxDatabase.ScalarLong(c, tx, "SELECT 1 FROM api_pipelines WHERE id = $id", ("$id", id)) is not null;

    public static long MainPipelineId(SqliteConnection c, SqliteTransaction tx) =>
        SandboxDatabase.ScalarLong(c, tx, "SELECT id FROM api_pipelines ORDER BY is_main DESC, sort, id LIMIT 1") ?? 0;

    /// <summary>First regular stage (type 0, not won/lost) of a pipeline: where new leads land.</summary>
    public static long FirstStage(SqliteConnection c, SqliteTransaction tx, long pipelineId) =>
        SandboxDatabase.ScalarLong(c, tx,
            "SELECT id FROM api_statuses WHERE pipeline_id = $p AND type = 0 AND id NOT IN (142, 143) ORDER BY sort, id LIMIT 1", ("$p", pipelineId))
        ?? SandboxDatabase.ScalarLong(c, tx, "SELECT id FROM api_statuses WHERE pipeline_id = $p ORDER BY sort, id LIMIT 1", ("$p", pipelineId))
        ?? 0;

    public static bool StatusExists(SqliteConnection c, SqliteTransaction tx, long pipelineId, long statusId) =>
        SandboxDatabase.ScalarLong(c, tx, "SELECT 1 FROM api_statuses WHERE pipeline_id = $p AND id = $s", ("$p", pipelineId), ("$s", statusId)) is not null;

    public static JsonArray List(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, bool withDescriptions = false)
    {
        var array = new JsonArray();
        foreach (var p in Row.Query(c, tx, "SELECT * FROM api_pipelines ORDER BY sort, id"))
        {
            array.Add((JsonNode)Render(c, tx, ctx, p, withDescriptions));
        }

        return array;
    }

    public static JsonObject? Get(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, long id, bool withDescriptions = false)
    {
        var row = Row.Query(c, tx, "SELECT * FROM api_pipelines WHERE id = $id", ("$id", id)).FirstOrDefault();
        return row is null ? null : Render(c, tx, ctx, row, withDescriptions);
    }

    public static JsonObject Render(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, Row p, bool withDescriptions)
    {
        var id = p.Long("id");
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = p.String("name"),
            ["sort"] = p.Long("sort"),
            ["is_main"] = p.Bool("is_main"),
            ["is_unsorted_on"] = p.Bool("is_unsorted_on"),
            ["is_archive"] = p.Bool("is_archive"),
            ["account_id"] = ctx.AccountId,
            ["_links"] = ctx.Links($"/api/v4/leads/pipelines/{id}"),
            ["_embedded"] = new JsonObject { ["statuses"] = Statuses(c, tx, ctx, id, withDescriptions) },
        };
    }

    public static JsonArray Statuses(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, long pipelineId, bool withDescriptions)
    {
        var array = new JsonArray();
        foreach (var s in Row.Query(c, tx, "SELECT * FROM api_statuses WHERE pipeline_id = $p ORDER BY sort, id", ("$p", pipelineId)))
        {
            array.Add((JsonNode)RenderStatus(ctx, s, withDescriptions));
        }

        return array;
    }

    public static JsonObject? GetStatus(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, long pipelineId, long id, bool withDescriptions)
    {
        var row = Row.Query(c, tx, "SELECT * FROM api_statuses WHERE pipeline_id = $p AND id = $id", ("$p", pipelineId), ("$id", id)).FirstOrDefault();
        return row is null ? null : RenderStatus(ctx, row, withDescriptions);
    }

    public static JsonObject RenderStatus(ApiContext ctx, Row s, bool withDescriptions)
    {
        var pipelineId = s.Long("pipeline_id");
        var id = s.Long("id");
        var o = new JsonObject
        {
            ["id"] = id,
            ["name"] = s.String("name"),
            ["sort"] = s.Long("sort"),
            ["is_editable"] = s.Bool("is_editable"),
            ["pipeline_id"] = pipelineId,
            ["color"] = s.String("color"),
            ["type"] = s.Long("type"),
            ["account_id"] = ctx.AccountId,
        };
        if (withDescriptions)
        {
            o["descriptions"] = s.JsonColumn("descriptions");
        }

        o["_links"] = ctx.Links($"/api/v4/leads/pipelines/{pipelineId}/statuses/{id}");
        return o;
    }

    public static JsonObject RenderLossReason(ApiContext ctx, Row r)
    {
        var id = r.Long("id");
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = r.String("name"),
            ["sort"] = r.Long("sort"),
            ["created_at"] = r.Long("created_at"),
            ["updated_at"] = r.Long("updated_at"),
            ["_links"] = ctx.Links($"/api/v4/leads/loss_reasons/{id}"),
        };
    }
}
