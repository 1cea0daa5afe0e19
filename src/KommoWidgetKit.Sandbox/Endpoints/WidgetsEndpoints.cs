namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/widgets</c>: list, one by code, install (POST, body = settings) and uninstall (DELETE).</summary>
internal static class WidgetsEndpoints
{
    public static void MapWidgets(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/widgets");
        group.MapGet("/", List);
        group.MapGet("/{code}", Get);
        group.MapPost("/{code}", Install);
        group.MapDelete("/{code}", Uninstall);
    }

    private static Results<HalJsonResult, NoContent> List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest.Parse(http, [], out var error);
        if (request is null)
        {
            return error!;
        }

        var ctx = store.Context(http);
        var page = store.Database.Read((c, tx) =>
        {
            var rows = Row.Query(c, tx, $"SELECT * FROM api_widgets ORDER BY id LIMIT {request.Limit + 1} OFFSET {request.Offset}");
            return (rows.Take(request.Limit).Select(w => WidgetRepository.Render(ctx, w)).ToList(), rows.Count > request.Limit, (string?)null);
        });
        return Respond.List(http, ctx, request, "widgets", page);
    }

    private static HalJsonResult Get(HttpContext http, SandboxStore store, string code)
    {
        var ctx = store.Context(http);
        var widget = store.Database.Read((c, tx) => WidgetRepository.Get(c, tx, ctx, code));
        return widget is null ? Kommo.NotFound("Widget not found") : Kommo.Hal(widget);
    }

    /// <summary>Stores the settings (checked against <c>settings_template</c>: required keys, string values for text and pass) and activates the widget.</summary>
    private static async Task<HalJsonResult> Install(HttpContext http, SandboxStore store, string code)
    {
        var (settings, error) = await JsonBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (error is not null && (string?)error.Body["detail"] == "Request data can not be empty")
        {
            settings = []; // a widget without settings installs with an empty body
        }
        else if (error is not null)
        {
            return error;
        }

        var ctx = store.Context(http);
        return await store.Database.WriteAsync((c, tx) =>
        {
            var row = WidgetRepository.GetRow(c, tx, code);
            if (row is null)
            {
                return Kommo.NotFound("Widget not found");
            }

            var errors = new List<FieldError>();
            foreach (var field in row.JsonColumn("settings_template")!.AsArray())
            {
                var key = (string)field!["key"]!;
                var type = (string)field["type"]!;
                var value = settings![key];
                var empty = value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrEmpty((string)value!));
                if (empty)
                {
                    if ((bool)field["is_required"]!)
                    {
                        errors.Add(FieldError.Blank(key));
                    }

                    continue;
                }

                if (type is "text" or "pass" && value!.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add(FieldError.Type(key, "string"));
                }
                else if (type is "users" or "users_lp" && value is not JsonObject)
                {
                    errors.Add(FieldError.Type(key, "array"));
                }
            }

            if (errors.Count > 0)
            {
                return Kommo.Validation("0", errors);
            }

            SandboxDatabase.Execute(c, tx, "UPDATE api_widgets SET is_active_in_account = 1, settings = $s WHERE code = $c",
                ("$s", settings!.ToJsonString()), ("$c", code));
            var widget = WidgetRepository.Get(c, tx, ctx, code)!;
            // The installing integration is the widget's own, so it gets its settings back.
            widget["settings"] = settings.DeepClone();
            var links = widget["_links"]!;
            widget.Remove("_links");
            widget["_links"] = links;
            return Kommo.Hal(widget);
        }, Respond.IsOk).ConfigureAwait(false);
    }

    private static async Task<Results<HalJsonResult, NoContent>> Uninstall(SandboxStore store, string code)
    {
        var found = await store.Database.WriteAsync((c, tx) =>
            SandboxDatabase.Execute(c, tx, "UPDATE api_widgets SET is_active_in_account = 0, settings = NULL WHERE code = $c", ("$c", code)) > 0)
            .ConfigureAwait(false);
        return found ? TypedResults.NoContent() : Kommo.NotFound("Widget not found");
    }
}
