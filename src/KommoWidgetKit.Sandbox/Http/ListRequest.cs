using System.Globalization;
using System.Text;

namespace KommoWidgetKit.Sandbox.Http;

/// <summary>Origin, account and user a request works with; links are built from the origin the request came in on.</summary>
internal sealed record ApiContext(string BaseUrl, long AccountId, long CurrentUserId)
{
    public string Url(string path) => BaseUrl + path;

    public JsonObject Links(string path) => new() { ["self"] = new JsonObject { ["href"] = BaseUrl + path } };

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}

/// <summary>The common list parameters: <c>page</c>, <c>limit</c>, <c>with</c>, <c>query</c>, <c>filter[...]</c>, <c>order[...]</c>.</summary>
internal sealed class ListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    public int Page { get; private init; } = 1;

    public int Limit { get; private init; } = DefaultLimit;

    public int Offset => (Page - 1) * Limit;

    public HashSet<string> With { get; private init; } = new(StringComparer.Ordinal);

    public string? Query { get; private init; }

    public QueryNode Filter { get; private init; } = new();

    public string? OrderField { get; private init; }

    public bool OrderDescending { get; private init; }

    public long? ModifiedSince { get; private init; }

    /// <summary>Parses the list parameters; returns a problem result when page or limit are unusable.</summary>
    public static ListRequest? Parse(HttpContext http, IReadOnlyCollection<string> orderFields, out HalJsonResult? error)
    {
        error = null;
        var tree = QueryNode.Parse(http.Request.Query);
        var page = 1;
        var limit = DefaultLimit;
        if (tree["page"]?.Scalar is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            error = Kommo.BadRequest("Invalid page");
            return null;
        }

        if (tree["limit"]?.Scalar is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                error = Kommo.BadRequest("Invalid limit");
                return null;
            }

            if (limit > MaxLimit)
            {
                error = Kommo.TooMany();
                return null;
            }
        }

        var with = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in tree["with"]?.AllValues() ?? [])
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                with.Add(part);
            }
        }

        string? orderField = null;
        var descending = false;
        if (tree["order"] is { } order)
        {
            foreach (var (field, node) in order.Children)
            {
                if (orderFields.Contains(field))
                {
                    orderField = field;
                    descending = string.Equals(node.Scalar, "desc", StringComparison.OrdinalIgnoreCase);
                    break;
                }
            }
        }

        long? since = null;
        if (http.Request.Headers.IfModifiedSince.Count > 0
            && DateTimeOffset.TryParse(http.Request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            since = when.ToUnixTimeSeconds();
        }

        var query = tree["query"]?.Scalar;
        return new ListRequest
        {
            Page = page,
            Limit = limit,
            With = with,
            Query = string.IsNullOrWhiteSpace(query) ? null : query.Trim(),
            Filter = tree["filter"] ?? new QueryNode(),
            OrderField = orderField,
            OrderDescending = descending,
            ModifiedSince = since,
        };
    }

    /// <summary>The request URL with <c>limit</c> and <c>page</c> made explicit, other parameters kept in their order.</summary>
    public static string PageUrl(HttpContext http, string baseUrl, int page, int limit)
    {
        var sb = new StringBuilder(baseUrl).Append(http.Request.Path.Value);
        var first = true;
        foreach (var (key, values) in http.Request.Query)
        {
            if (key is "page" or "limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                sb.Append(first ? '?' : '&').Append(Escape(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty).Replace("%2C", ",", StringComparison.Ordinal));
                first = false;
            }
        }

        sb.Append(first ? '?' : '&').Append("limit=").Append(limit.ToString(CultureInfo.InvariantCulture))
            .Append("&page=").Append(page.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    // Brackets stay readable in links, as in Kommo's own examples.
    private static string Escape(string key) => Uri.EscapeDataString(key).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);

    /// <summary>The paged list envelope: <c>_page</c>, <c>_links</c> (self, next, first, prev) and <c>_embedded</c>; with totals for users and custom fields.</summary>
    public JsonObject Envelope(HttpContext http, ApiContext ctx, string key, JsonArray items, bool hasNext, long? total = null)
    {
        var links = new JsonObject { ["self"] = Href(PageUrl(http, ctx.BaseUrl, Page, Limit)) };
        if (hasNext)
        {
            links["next"] = Href(PageUrl(http, ctx.BaseUrl, Page + 1, Limit));
        }

        if (Page > 1)
        {
            links["first"] = Href(PageUrl(http, ctx.BaseUrl, 1, Limit));
            links["prev"] = Href(PageUrl(http, ctx.BaseUrl, Page - 1, Limit));
        }

        var body = new JsonObject();
        if (total is { } count)
        {
            body["_total_items"] = count;
            body["_page"] = Page;
            body["_page_count"] = count == 0 ? 0 : (count + Limit - 1) / Limit;
        }
        else
        {
            body["_page"] = Page;
        }

        body["_links"] = links;
        body["_embedded"] = new JsonObject { [key] = items };
        return body;
    }

    public static JsonObject Href(string url) => new() { ["href"] = url };
}
