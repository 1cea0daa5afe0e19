using System.Text.Json;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>What a loader uploaded to a real account asks for (<c>kommo-widget loader</c>): the probe that tells it the host
/// runs, and the live widget as an AMD module, which also says when the loader is out of date.</summary>
internal static class LoaderEndpoints
{
    /// <summary>The terminal line when a loader's upload hash differs from the current files'.</summary>
    public const string OutOfDate = "the loader uploaded to Kommo is out of date (manifest, i18n or images changed): run kommo-widget loader and upload it again";

    public static IEndpointRouteBuilder MapLoader(this IEndpointRouteBuilder app, DevHostContext context)
    {
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        app.MapMethods(DevLoader.PingPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.NoContent();
        });
        app.MapGet(DevLoader.LivePath, (HttpContext http) =>
        {
            var widget = context.Widget;
            string? hash = http.Request.Query[DevLoader.HashParameter].FirstOrDefault();
            bool stale = !string.Equals(hash, widget.UploadHash, StringComparison.Ordinal);
            string page = PageOrigin(http) ?? "a page";
            // Once per page origin and state of the files, not on every refresh.
            if (reported.TryAdd($"{page}|{hash}|{widget.UploadHash}", true))
            {
                context.Log(stale
                    ? $"[dev] {OutOfDate} (loaded by {page}; the loader has {Short(hash)}, the files are {Short(widget.UploadHash)})"
                    : $"[dev] loader: {page} loaded the live widget (upload hash {Short(hash)} matches)");
            }
            string origin = $"{http.Request.Scheme}://{http.Request.Host}";
            string basePath = origin + context.WidgetBasePath;
            string js = EmbeddedAssets.Text("assets/loader/widget.js")
                .Replace("__KOMMO_LIVE_SCRIPT__", Js($"{basePath}/script.js?v={widget.Generation}"), StringComparison.Ordinal)
                .Replace("__KOMMO_LIVE_BASE__", Js(basePath), StringComparison.Ordinal)
                .Replace("__KOMMO_LIVE_EVENTS__", Js(origin + "/__kommo/events"), StringComparison.Ordinal)
                .Replace("__KOMMO_LIVE_STALE_MESSAGE__", Js("kommo-widget dev: " + OutOfDate + "."), StringComparison.Ordinal)
                .Replace("__KOMMO_LIVE_STALE__", stale ? "true" : "false", StringComparison.Ordinal);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(js, "text/javascript; charset=utf-8");
        });
        return app;
    }

    private static string Short(string? hash) => string.IsNullOrEmpty(hash) ? "no hash" : hash.Length > 12 ? hash[..12] : hash;

    // A script request carries no Origin header; its Referer (the origin only, by the default policy) says which page it was.
    private static string? PageOrigin(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.FirstOrDefault(), UriKind.Absolute, out var referer)
            ? referer.GetLeftPart(UriPartial.Authority)
            : null;

    private static string Js(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";
}
