using Microsoft.AspNetCore.StaticFiles;

namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>The host's runtime files (<c>/__kommo/runtime/…</c>, served as they are, no bundler), npm vendor files (<c>/__kommo/vendor</c>) and system templates (<c>/tmpl</c>).</summary>
internal static class AssetEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        // The runtime's ES modules sit in folders (core/, pages/, templates/) and import each other by relative paths.
        app.MapGet("/__kommo/runtime/{**path}", (string path, HttpContext http) => Serve(http, "assets/runtime/" + path, path));
        app.MapGet("/__kommo/vendor/{name}", (string name, HttpContext http) => Serve(http, "vendor/" + name, name));
        app.MapGet("/tmpl/{**path}", (string path, HttpContext http) => Serve(http, "assets/tmpl/" + path, path));
        return app;
    }

    internal static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
                ? type + "; charset=utf-8" : type
            : "application/octet-stream";

    private static IResult Serve(HttpContext http, string resource, string fileName)
    {
        if (resource.Contains("..", StringComparison.Ordinal) || !EmbeddedAssets.TryGet(resource, out var content))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(content, ContentTypeOf(fileName));
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".twig"] = "text/plain";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".md"] = "text/markdown";
        return provider;
    }
}
