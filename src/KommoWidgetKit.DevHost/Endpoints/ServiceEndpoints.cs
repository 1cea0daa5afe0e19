using System.Text;
using KommoWidgetKit.DevHost.State;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>What the runtime asks the host for: one-time tokens, the <c>crm_post</c> proxy, the browser error log, an echo target.</summary>
internal static class ServiceEndpoints
{
    private static readonly HttpClient Proxy = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app, DevHostContext context)
    {
        var group = app.MapGroup("/__kommo/api");

        group.MapPost("/token", (TokenRequest request, HttpContext http) =>
        {
            var data = context.Data;
            var issuer = $"https://{data.Account.Subdomain}.kommo.com";
            var audience = string.IsNullOrWhiteSpace(request.Audience) ? $"{http.Request.Scheme}://{http.Request.Host}" : request.Audience;
            var token = DevToken.Create(context.Secret, issuer, audience, data.Account.Id, data.CurrentUser.Id, data.Account.Subdomain,
                DevToken.ClientUuid(context.Code), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(20));
            return TypedResults.Ok(new TokenResponse(token));
        });

        group.MapPost("/crm_post", async Task<Results<Ok<ProxyResponse>, ValidationProblem>> (ProxyRequest request, CancellationToken ct) =>
        {
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = ["crm_post needs an absolute http(s) URL"] });
            }
            using var message = new HttpRequestMessage(request.Method == "GET" ? HttpMethod.Get : HttpMethod.Post, target);
            if (message.Method == HttpMethod.Post)
            {
                message.Content = new StringContent(request.Body ?? "", Encoding.UTF8, "application/x-www-form-urlencoded");
            }
            try
            {
                using var response = await Proxy.SendAsync(message, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                context.Log($"[dev] crm_post {message.Method} {target} → {(int)response.StatusCode} {response.ReasonPhrase} ({body.Length} chars)");
                return TypedResults.Ok(new ProxyResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                context.Log($"[dev] crm_post {message.Method} {target} failed: {ex.Message}");
                return TypedResults.Ok(new ProxyResponse(502, "text/plain", ex.Message));
            }
        });

        // A target for crm_post and $authorizedAjax that needs no outside server: answers with what it got.
        app.MapPost("/__kommo/echo", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var echo = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["method"] = http.Request.Method,
                ["body"] = body,
                ["x_auth_token"] = http.Request.Headers["X-Auth-Token"].ToString(),
                ["content_type"] = http.Request.ContentType ?? "",
            };
            return TypedResults.Ok(echo);
        });

        // The page's problems, echoed to the terminal. A place in a script with a source map (a build's script.js) is
        // answered with its place in the source, which the page shows instead.
        group.MapPost("/log", Results<Ok<MappedLocation>, NoContent> (BrowserLogRequest request) =>
        {
            var mapped = request.File is { Length: > 0 } file && request.Line is > 0 ? context.MapSource(file, request.Line.Value, request.Column ?? 1) : null;
            var where = mapped is not null ? $"{mapped.Path}:{mapped.Line}:{mapped.Column}: "
                : request.File is null ? "" : request.Line is > 0 ? $"{request.File}:{request.Line}:{request.Column ?? 0}: " : $"{request.File}: ";
            var built = mapped is null ? "" : $" (built {request.File}:{request.Line}:{request.Column ?? 0})";
            var area = request.Area is null ? "" : $" [{request.Area}]";
            context.Log($"[browser]{area} {where}{request.Level ?? "error"}: {request.Message}{built}");
            if (mapped is null)
            {
                return TypedResults.NoContent();
            }
            return TypedResults.Ok(new MappedLocation(mapped.Path, mapped.Line, mapped.Column, mapped.Name));
        });
        return app;
    }
}
