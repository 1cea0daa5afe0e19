using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>The widget's own files under <c>self.params.path</c> (<c>/upl/{code}/widget/…</c>, legacy alias <c>/widgets/{code}/…</c>).</summary>
internal static class WidgetFileEndpoints
{
    public static IEndpointRouteBuilder MapWidgetFiles(this IEndpointRouteBuilder app, DevHostContext context)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/upl/{code}/widget/{**path}", methods, (string code, string? path, HttpContext http) => Serve(context, code, path, http));
        app.MapMethods("/widgets/{code}/{**path}", methods, (string code, string? path, HttpContext http) => Serve(context, code, path, http));
        return app;
    }

    private static IResult Serve(DevHostContext context, string code, string? path, HttpContext http)
    {
        var widget = context.Widget;
        if (!string.Equals(code, widget.Code, StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }
        // The raw target, not the decoded route value: "%2e%2e" must not become "..".
        var raw = http.Request.Path.Value ?? "";
        if (raw.Contains("..", StringComparison.Ordinal) || raw.Contains('\\') || raw.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.BadRequest();
        }
        var relative = WidgetSource.NormalizeRelative(path);
        if (relative is null)
        {
            return TypedResults.BadRequest();
        }
        if (!widget.TryGetFile(relative, out var content))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store, must-revalidate";
        http.Response.Headers.Pragma = "no-cache";
        return TypedResults.Bytes(content.ToArray(), AssetEndpoints.ContentTypeOf(relative));
    }
}
