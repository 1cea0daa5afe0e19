using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/leads/pipelines</c> with their stages (<c>/statuses</c>), and <c>/api/v4/leads/loss_reasons</c>.</summary>
internal static class PipelinesEndpoints
{
    private static readonly string[] StageColors =
        ["#fffeb2", "#fffd7f", "#fff000", "#ffeab2", "#ffdc7f", "#ffce5a", "#ffdbdb", "#ffc8c8", "#ff8f92", "#d6eaff", "#c1e0ff", "#98cbff",
         "#ebffb1", "#deff81", "#87f2c0", "#f9deff", "#f3beff", "#ccc8f9", "#eb93ff", "#f2f3f4", "#e6e8ea",
         "#99ccff", "#ffff99", "#ffcc66", "#c1c1c1", "#CCFF66", "#D5D8DB"];

    public static void MapPipelines(this IEndpointRouteBuilder api)
    {
        var pipelines = api.MapGroup("/leads/pipelines");
        pipelines.MapGet("/", List);
        pipelines.MapGet("/{id:long}", Get);
        pipelines.MapPost("/", Add);
        pipelines.MapPatch("/{id:long}", Edit);
        pipelines.MapDelete("/{id:long}", Delete);

        var statuses = pipelines.MapGroup("/{pipelineId:long}/statuses");
        statuses.MapGet("/", ListStatuses);
        statuses.MapGet("/{id:long}", GetStatus);
        statuses.MapPost("/", AddStatuses);
        statuses.MapPatch("/{id:long}", EditStatus);
        statuses.MapDelete("/{id:long}", DeleteStatus);

        var reasons = api.MapGroup("/leads/loss_reasons");
        reasons.MapGet("/", LossReasons);
        reasons.MapGet("/{id:long}", LossReason);
    }

    private static HalJsonResult List(HttpContext http, SandboxStore store)
    {
        var ctx = store.Context(http);
        var items = store.Database.Read((c, tx) => PipelineRepository.List(c, tx, ctx));
        return Kommo.Hal(Respond.Collection(ctx, "/api/v4/leads/pipelines", "pipelines", items));
    }

    private static HalJsonResult Get(HttpContext http, SandboxStore store, long id)
    {
        var ctx = store.Context(http);
        var pipeline = store.Database.Read((c, tx) => PipelineRepository.Get(c, tx, ctx, id));
        return pipeline is null ? Kommo.NotFound("Pipeline not found") : Kommo.Hal(pipeline);
    }

    private static Task<HalJsonResult> Add(HttpContext http, SandboxStore store) =>
        Respond.WriteArray(http, store, (c, tx, ctx, items) =>
        {
            var errors = new BatchErrors();
            var created = new JsonArray();
            foreach (var (requestId, r) in ItemReader.Batch(items, errors))
            {
                var item = r.Source;
                var fieldErrors = r.Errors;
                r.RequiredText("name", out var name);
                var sort = r.Int("sort", out var s) ? s : 100;
                var isMain = r.Bool("is_main", out var main) && main;
                var unsorted = !r.Bool("is_unsorted_on", out var u) || u;
                var stages = new List<(string Name, long Sort, string Color)>();
                if (item["_embedded"]?["statuses"] is JsonArray statuses)
                {
                    for (var j = 0; j < statuses.Count; j++)
                    {
                        if (statuses[j] is JsonObject stage)
                        {
                            var sr = new ItemReader(stage, $"_embedded.statuses.{j}.", fieldErrors);
                            stages.Add(ReadStage(sr, (j + 2) * 10) ?? default);
                        }
                        else
                        {
                            fieldErrors.Add(FieldError.Type($"_embedded.statuses.{j}", "object"));
                        }
                    }
                }

                if (fieldErrors.Count > 0)
                {
                    errors.Add(requestId, fieldErrors);
                    continue;
                }

                if (isMain)
                {
                    SandboxDatabase.Execute(c, tx, "UPDATE api_pipelines SET is_main = 0");
                }

                var id = SandboxDatabase.Insert(c, tx, "api_pipelines",
                    [("name", name), ("sort", sort), ("is_main", isMain ? 1 : 0), ("is_unsorted_on", unsorted ? 1 : 0), ("is_archive", 0)]);
                InsertStatus(c, tx, id, "Incoming leads", 10, "#c1c1c1", 1, false);
                foreach (var stage in stages)
                {
                    InsertStatus(c, tx, id, stage.Name, stage.Sort, stage.Color, 0, true);
                }

                InsertStatus(c, tx, id, "Closed - won", 10000, "#CCFF66", 0, false, 142);
                InsertStatus(c, tx, id, "Closed - lost", 11000, "#D5D8DB", 0, false, 143);
                var pipeline = PipelineRepository.Get(c, tx, ctx, id)!;
                pipeline["request_id"] = requestId;
                created.Add((JsonNode)pipeline);
            }

            return errors.Any ? Kommo.Validation(errors) : Kommo.Hal(Respond.Collection(ctx, "/api/v4/leads/pipelines", "pipelines", created));
        });

    private static (string Name, long Sort, string Color)? ReadStage(ItemReader r, long defaultSort)
    {
        var before = r.Errors.Count;
        r.RequiredText("name", out var name);

        var sort = r.Int("sort", out var s) ? s : defaultSort;
        var color = "#99ccff";
        if (r.Text("color", out var given))
        {
            if (StageColors.Contains(given, StringComparer.OrdinalIgnoreCase))
            {
                color = given;
            }
            else
            {
                r.Errors.Add(FieldError.Choice(r.Path("color")));
            }
        }

        return r.Errors.Count > before ? null : (name, sort, color);
    }

    private static long InsertStatus(SqliteConnection c, SqliteTransaction tx, long pipelineId, string name,
        long sort, string color, int type, bool editable, long? fixedId = null)
    {
        // Stage ids are account-wide, except 142/143 which every pipeline shares.
        var id = fixedId ?? (SandboxDatabase.ScalarLong(c, tx, "SELECT MAX(id) FROM api_statuses WHERE id NOT IN (142, 143)") ?? 47000000) + 1;
        SandboxDatabase.Insert(c, tx, "api_statuses",
            [("pipeline_id", pipelineId), ("id", id), ("name", name), ("sort", sort), ("is_editable", editable ? 1 : 0), ("color", color), ("type", type), ("descriptions", "[]")]);
        return id;
    }

    private static Task<HalJsonResult> Edit(HttpContext http, SandboxStore store, long id) =>
        Respond.WriteObject(http, store, (c, tx, ctx, item) =>
        {
            if (!PipelineRepository.PipelineExists(c, tx, id))
            {
                return Kommo.NotFound("Pipeline not found");
            }

            var errors = new List<FieldError>();
            var r = new ItemReader(item, string.Empty, errors);
            var cols = NameAndSort(r);

            if (r.Bool("is_unsorted_on", out var unsorted))
            {
                cols.Add(("is_unsorted_on", unsorted ? 1 : 0));
            }

            if (r.Bool("is_main", out var main) && main)
            {
                SandboxDatabase.Execute(c, tx, "UPDATE api_pipelines SET is_main = 0");
                cols.Add(("is_main", 1));
            }

            if (errors.Count > 0)
            {
                return Kommo.Validation("0", errors);
            }

            SandboxDatabase.Update(c, tx, "api_pipelines", "id = $id", cols, ("$id", id));
            return Kommo.Hal(PipelineRepository.Get(c, tx, ctx, id)!);
        });

    private static async Task<Results<HalJsonResult, NoContent>> Delete(SandboxStore store, long id)
    {
        var result = await store.Database.WriteAsync<HalJsonResult?>((c, tx) =>
        {
            var row = Row.Query(c, tx, "SELECT is_main FROM api_pipelines WHERE id = $id", ("$id", id)).FirstOrDefault();
            if (row is null)
            {
                return Kommo.NotFound("Pipeline not found");
            }

            if (row.Bool("is_main"))
            {
                return Kommo.BadRequest("The main pipeline can not be deleted");
            }

            if (SandboxDatabase.ScalarLong(c, tx, "SELECT 1 FROM api_leads WHERE pipeline_id = $id AND is_deleted = 0 LIMIT 1", ("$id", id)) is not null)
            {
                return Kommo.BadRequest("The pipeline has leads");
            }

            SandboxDatabase.Execute(c, tx, "DELETE FROM api_statuses WHERE pipeline_id = $id", ("$id", id));
            SandboxDatabase.Execute(c, tx, "DELETE FROM api_pipelines WHERE id = $id", ("$id", id));
            return null;
        }, r => r is null).ConfigureAwait(false);
        return result is null ? TypedResults.NoContent() : result;
    }

    private static HalJsonResult ListStatuses(HttpContext http, SandboxStore store, long pipelineId)
    {
        var ctx = store.Context(http);
        var with = ListRequest.Parse(http, [], out _)?.With ?? [];
        var items = store.Database.Read((c, tx) =>
            PipelineRepository.PipelineExists(c, tx, pipelineId) ? PipelineRepository.Statuses(c, tx, ctx, pipelineId, with.Contains("descriptions")) : null);
        return items is null
            ? Kommo.NotFound("Pipeline not found")
            : Kommo.Hal(Respond.Collection(ctx, $"/api/v4/leads/pipelines/{pipelineId}/statuses", "statuses", items));
    }

    private static HalJsonResult GetStatus(HttpContext http, SandboxStore store, long pipelineId, long id)
    {
        var ctx = store.Context(http);
        var with = ListRequest.Parse(http, [], out _)?.With ?? [];
        var (exists, status) = store.Database.Read((c, tx) =>
            (PipelineRepository.PipelineExists(c, tx, pipelineId), PipelineRepository.GetStatus(c, tx, ctx, pipelineId, id, with.Contains("descriptions"))));
        return !exists ? Kommo.NotFound("Pipeline not found") : status is null ? Kommo.NotFound("Status not found") : Kommo.Hal(status);
    }

    private static Task<HalJsonResult> AddStatuses(HttpContext http, SandboxStore store, long pipelineId) =>
        Respond.WriteArray(http, store, (c, tx, ctx, items) =>
        {
            if (!PipelineRepository.PipelineExists(c, tx, pipelineId))
            {
                return Kommo.NotFound("Pipeline not found");
            }

            var errors = new BatchErrors();
            var created = new JsonArray();
            foreach (var (requestId, r) in ItemReader.Batch(items, errors))
            {
                var item = r.Source;
                if (ReadStage(r, 100) is not { } s)
                {
                    errors.Add(requestId, r.Errors);
                    continue;
                }

                var id = InsertStatus(c, tx, pipelineId, s.Name, s.Sort, s.Color, 0, true);
                if (item["descriptions"] is JsonArray descriptions)
                {
                    SandboxDatabase.Execute(c, tx, "UPDATE api_statuses SET descriptions = $d WHERE pipeline_id = $p AND id = $id",
                        ("$d", descriptions.ToJsonString()), ("$p", pipelineId), ("$id", id));
                }

                var status = PipelineRepository.GetStatus(c, tx, ctx, pipelineId, id, false)!;
                status["request_id"] = requestId;
                created.Add((JsonNode)status);
            }

            return errors.Any
                ? Kommo.Validation(errors)
                : Kommo.Hal(Respond.Collection(ctx, $"/api/v4/leads/pipelines/{pipelineId}/statuses", "statuses", created));
        });

    private static Task<HalJsonResult> EditStatus(HttpContext http, SandboxStore store, long pipelineId, long id) =>
        Respond.WriteObject(http, store, (c, tx, ctx, item) =>
        {
            if (NotEditable(c, tx, pipelineId, id) is { } refused)
            {
                return refused;
            }

            var errors = new List<FieldError>();
            var r = new ItemReader(item, string.Empty, errors);
            var cols = NameAndSort(r);

            if (r.Text("color", out var color))
            {
                if (StageColors.Contains(color, StringComparer.OrdinalIgnoreCase))
                {
                    cols.Add(("color", color));
                }
                else
                {
                    errors.Add(FieldError.Choice("color"));
                }
            }

            if (r.Has("descriptions"))
            {
                if (r["descriptions"] is JsonArray descriptions)
                {
                    cols.Add(("descriptions", descriptions.ToJsonString()));
                }
                else
                {
                    errors.Add(FieldError.Type("descriptions", "array"));
                }
            }

            if (errors.Count > 0)
            {
                return Kommo.Validation("0", errors);
            }

            SandboxDatabase.Update(c, tx, "api_statuses", "pipeline_id = $p AND id = $id", cols, ("$p", pipelineId), ("$id", id));
            return Kommo.Hal(PipelineRepository.GetStatus(c, tx, ctx, pipelineId, id, true)!);
        });

    /// <summary>The columns a PATCH of a pipeline or a stage sets from <c>name</c> and <c>sort</c>.</summary>
    private static List<(string Column, object? Value)> NameAndSort(ItemReader r)
    {
        var cols = new List<(string Column, object? Value)>();
        if (r.Text("name", out var name))
        {
            cols.Add(("name", name));
        }

        if (r.Int("sort", out var sort))
        {
            cols.Add(("sort", sort));
        }

        return cols;
    }

    /// <summary>Why a stage may not be changed: 404 for an unknown pipeline or stage, 403 for a fixed stage; null when it may.</summary>
    private static HalJsonResult? NotEditable(SqliteConnection c, SqliteTransaction tx, long pipelineId, long id)
    {
        if (!PipelineRepository.PipelineExists(c, tx, pipelineId))
        {
            return Kommo.NotFound("Pipeline not found");
        }

        var row = Row.Query(c, tx, "SELECT is_editable FROM api_statuses WHERE pipeline_id = $p AND id = $id", ("$p", pipelineId), ("$id", id)).FirstOrDefault();
        if (row is null)
        {
            return Kommo.NotFound("Status not found");
        }

        return row.Bool("is_editable") ? null : Kommo.Problem(StatusCodes.Status403Forbidden, "Status is not editable");
    }

    private static async Task<Results<HalJsonResult, NoContent>> DeleteStatus(SandboxStore store, long pipelineId, long id)
    {
        var result = await store.Database.WriteAsync<HalJsonResult?>((c, tx) =>
        {
            if (NotEditable(c, tx, pipelineId, id) is { } refused)
            {
                return refused;
            }

            if (SandboxDatabase.ScalarLong(c, tx, "SELECT 1 FROM api_leads WHERE pipeline_id = $p AND status_id = $id AND is_deleted = 0 LIMIT 1", ("$p", pipelineId), ("$id", id)) is not null)
            {
                return Kommo.BadRequest("The status has leads");
            }

            SandboxDatabase.Execute(c, tx, "DELETE FROM api_statuses WHERE pipeline_id = $p AND id = $id", ("$p", pipelineId), ("$id", id));
            return null;
        }, r => r is null).ConfigureAwait(false);
        return result is null ? TypedResults.NoContent() : result;
    }

    private static HalJsonResult LossReasons(HttpContext http, SandboxStore store)
    {
        var ctx = store.Context(http);
        var items = store.Database.Read((c, tx) =>
        {
            var array = new JsonArray();
            foreach (var row in Row.Query(c, tx, "SELECT * FROM api_loss_reasons ORDER BY sort, id"))
            {
                array.Add((JsonNode)PipelineRepository.RenderLossReason(ctx, row));
            }

            return array;
        });
        return Kommo.Hal(Respond.Collection(ctx, "/api/v4/leads/loss_reasons", "loss_reasons", items));
    }

    private static Results<HalJsonResult, NoContent> LossReason(HttpContext http, SandboxStore store, long id)
    {
        var ctx = store.Context(http);
        var reason = store.Database.Read((c, tx) =>
            Row.Query(c, tx, "SELECT * FROM api_loss_reasons WHERE id = $id", ("$id", id)).FirstOrDefault() is { } row ? PipelineRepository.RenderLossReason(ctx, row) : null);
        return Respond.One(store, reason, "Loss reason not found");
    }
}
