using System.Text.Json;
using KommoWidgetKit.DevHost.State;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>The state the runtime boots from, and the widget's saved settings and install status.</summary>
internal static class StateEndpoints
{
    public static IEndpointRouteBuilder MapState(this IEndpointRouteBuilder app, DevHostContext context)
    {
        var group = app.MapGroup("/__kommo/api");
        group.MapGet("/state", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(BuildState(context));
        });
        group.MapGet("/settings", () => TypedResults.Ok(ToDto(context.Store.Get(context.Code))));
        group.MapPost("/settings", Results<Ok<InstallDto>, ValidationProblem> (SaveSettingsRequest request) => SaveSettings(context, request));
        group.MapGet("/dp/{pipelineId:long}/{statusId:long}", (long pipelineId, long statusId) =>
        {
            using var doc = JsonDocument.Parse(context.Store.GetDp(context.Code, pipelineId, statusId));
            return TypedResults.Ok(doc.RootElement.Clone());
        });
        group.MapPost("/dp/{pipelineId:long}/{statusId:long}", Results<Ok<JsonElement>, ValidationProblem> (long pipelineId, long statusId, JsonElement fields) =>
        {
            if (fields.ValueKind != JsonValueKind.Object)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fields"] = ["a JSON object of field values is expected"] });
            }
            context.Store.PutDp(context.Code, pipelineId, statusId, fields.GetRawText());
            context.Log($"[dev] digital pipeline action saved for pipeline {pipelineId}, stage {statusId}");
            return TypedResults.Ok(fields);
        });
        group.MapPost("/status", Results<Ok<InstallDto>, ValidationProblem> (StatusRequest request) =>
        {
            string[] allowed = ["install", "installed", "not_configured", "error"];
            if (request.Status is null || !allowed.Contains(request.Status))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"status must be one of {string.Join(", ", allowed)}"],
                });
            }
            var current = context.Store.Get(context.Code);
            var next = current with { Status = request.Status };
            context.Store.Put(context.Code, next);
            return TypedResults.Ok(ToDto(next));
        });
        return app;
    }

    internal static StateDto BuildState(DevHostContext context)
    {
        var widget = context.Widget;
        var data = context.Data;
        var entities = new Dictionary<string, IReadOnlyList<HostEntity>>(StringComparer.Ordinal);
        foreach (var type in new[] { "leads", "contacts", "companies", "customers", "tasks" })
        {
            entities[type] = data.List(type);
        }
        return new StateDto(
            new WidgetDto(widget.Code, context.WidgetBasePath, widget.Version, widget.Generation,
                widget.ReadableManifest is { Root: { } root } ? new JsonTree(root) : null,
                widget.I18n.ToDictionary(p => p.Key, p => new JsonTree(p.Value), StringComparer.Ordinal),
                widget.Settings.Select(SettingDto.From).ToList(),
                widget.DpSettings.Select(SettingDto.From).ToList(),
                widget.ReadableManifest?.InitOnce == true,
                widget.ReadableManifest?.DpActionMultiple == true,
                widget.Templates(), widget.Locales, widget.Locations, DevToken.ClientUuid(widget.Code),
                widget.Files.Keys.Order(StringComparer.Ordinal).ToList()),
            ToDto(context.Store.Get(widget.Code)),
            new HostDataDto(data.CurrentUser, data.Account, data.Managers, data.Groups, data.Pipelines, entities),
            widget.Diagnostics,
            EmbeddedAssets.SystemTemplates(),
            context.ApiToken);
    }

    private static Results<Ok<InstallDto>, ValidationProblem> SaveSettings(DevHostContext context, SaveSettingsRequest request)
    {
        var active = request.Active == "N" ? "N" : "Y";
        var fields = request.Fields is { ValueKind: JsonValueKind.Object } f ? f : JsonDocument.Parse("{}").RootElement;
        var current = context.Store.Get(context.Code);
        if (active == "Y")
        {
            var missing = MissingRequired(context, fields);
            if (missing.Count > 0)
            {
                return TypedResults.ValidationProblem(missing, title: "Required settings are empty");
            }
        }
        var status = active == "Y" ? "installed" : current.Status == "installed" ? "installed" : "install";
        var next = new WidgetInstallState(active, status, fields.GetRawText());
        context.Store.Put(context.Code, next);
        context.Log(active == "Y"
            ? $"[dev] settings saved ({fields.EnumerateObject().Count()} fields), widget active"
            : "[dev] widget disabled");
        return TypedResults.Ok(ToDto(next));
    }

    /// <summary>Required manifest settings whose value is empty (Kommo refuses to install then).</summary>
    internal static Dictionary<string, string[]> MissingRequired(DevHostContext context, JsonElement fields)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var setting in context.Widget.Settings)
        {
            if (setting.Required != true)
            {
                continue;
            }
            var empty = !fields.TryGetProperty(setting.Code, out var value)
                || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                || (value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any());
            if (empty)
            {
                missing[setting.Code] = ["This field is required"];
            }
        }
        return missing;
    }

    private static InstallDto ToDto(WidgetInstallState state)
    {
        using var doc = JsonDocument.Parse(state.SettingsJson);
        return new InstallDto(state.Active, state.Status, doc.RootElement.Clone());
    }
}
