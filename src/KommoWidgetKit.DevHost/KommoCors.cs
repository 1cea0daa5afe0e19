namespace KommoWidgetKit.DevHost;

/// <summary>CORS for what a loader in a real account reads from the host: the widget's files, the loader's module and the
/// live-reload event stream answer pages of Kommo and amoCRM accounts (<c>https://*.kommo.com</c>, <c>https://*.amocrm.ru</c>,
/// <c>https://*.amocrm.com</c>); other origins get no CORS headers. Nothing is sent with credentials.</summary>
internal static class KommoCors
{
    private static readonly string[] AccountDomains = [".kommo.com", ".amocrm.ru", ".amocrm.com"];

    /// <summary>Whether <paramref name="path"/> is one of the resources a loader reads.</summary>
    public static bool AppliesTo(PathString path) =>
        path.StartsWithSegments("/upl") || path.StartsWithSegments("/widgets")
        || path.StartsWithSegments("/__kommo/loader") || path.StartsWithSegments("/__kommo/events");

    /// <summary>Whether <paramref name="origin"/> is a Kommo or amoCRM account page: https, the default port, a subdomain of
    /// one of <see cref="AccountDomains"/> made of letters, digits and hyphens.</summary>
    public static bool IsAccountOrigin(string? origin)
    {
        const string prefix = "https://";
        if (origin is null || !origin.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var host = origin[prefix.Length..];
        foreach (var domain in AccountDomains)
        {
            if (!host.EndsWith(domain, StringComparison.Ordinal) || host.Length == domain.Length)
            {
                continue;
            }
            var labels = host[..^domain.Length].Split('.');
            return labels.All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
                && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
        }
        return false;
    }

    /// <summary>Middleware: answers preflights (with Chrome's Private Network Access) and adds the CORS headers.</summary>
    public static Task Handle(HttpContext http, RequestDelegate next)
    {
        if (!AppliesTo(http.Request.Path))
        {
            return next(http);
        }
        var headers = http.Response.Headers;
        headers.Append("Vary", "Origin");
        // Scripts and stylesheets load without CORS; a page with COEP would still refuse them without this.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        var origin = http.Request.Headers.Origin.FirstOrDefault();
        bool allowed = IsAccountOrigin(origin);
        if (HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            headers.Append("Vary", "Access-Control-Request-Headers, Access-Control-Request-Private-Network");
            headers.CacheControl = "no-store";
            if (allowed)
            {
                headers.AccessControlAllowOrigin = origin;
                headers.AccessControlAllowMethods = "GET, HEAD";
                if (http.Request.Headers.AccessControlRequestHeaders.FirstOrDefault() is { Length: > 0 and <= 1024 } asked
                    && asked.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ',' or ' ' or '_'))
                {
                    headers.AccessControlAllowHeaders = asked;
                }
                headers.AccessControlMaxAge = "600";
                // A public https page reaching localhost: Chrome asks first (Private Network Access).
                if (string.Equals(http.Request.Headers["Access-Control-Request-Private-Network"], "true", StringComparison.OrdinalIgnoreCase))
                {
                    headers["Access-Control-Allow-Private-Network"] = "true";
                }
            }
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        if (allowed)
        {
            headers.AccessControlAllowOrigin = origin;
        }
        return next(http);
    }
}
