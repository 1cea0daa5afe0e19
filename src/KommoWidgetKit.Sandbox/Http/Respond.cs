using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Http;

/// <summary>Plumbing shared by the endpoint files: auth, list answers, batch writes.</summary>
internal static class Respond
{
    /// <summary>
    /// A request is authorised by the bearer token; without an Authorization header also by the session cookie or the
    /// host's callback (the emulated Kommo page's own calls). A header with a wrong token is refused outright.
    /// </summary>
    public static bool IsAuthorised(HttpContext http, SandboxStore store)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameToken(header[7..].Trim(), store.ApiToken);
        }

        if (store.Options.SessionCookieName is { Length: > 0 } cookie
            && http.Request.Cookies.TryGetValue(cookie, out var value) && value is not null && SameToken(value, store.ApiToken))
        {
            return true;
        }

        return store.Options.IsPageRequest?.Invoke(http) == true;
    }

    private static bool SameToken(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    public static async ValueTask<object?> AuthFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetService(typeof(SandboxStore)) as SandboxStore
            ?? throw new InvalidOperationException("AddKommoSandboxApi was not called.");
        if (!IsAuthorised(http, store))
        {
            return Kommo.Unauthorized();
        }

        http.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString("N");
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>204 for an empty page (Kommo's rule for lists), 400 for a filter value that does not parse, else the envelope.</summary>
    public static Results<HalJsonResult, NoContent> List(HttpContext http, ApiContext ctx, ListRequest request, string key,
        (List<JsonObject> Items, bool HasNext, string? Invalid) page, long? total = null)
    {
        if (page.Invalid is { } invalid)
        {
            return Kommo.BadRequest($"Invalid filter value: {invalid}");
        }

        if (page.Items.Count == 0)
        {
            return TypedResults.NoContent();
        }

        var items = new JsonArray();
        foreach (var item in page.Items)
        {
            items.Add((JsonNode)item);
        }

        return Kommo.Hal(request.Envelope(http, ctx, key, items, page.HasNext, total));
    }

    /// <summary>204 for an entity that is not there (Kommo's observed answer), or 404 when the host asked for it.</summary>
    public static Results<HalJsonResult, NoContent> One(SandboxStore store, JsonObject? item, string notFound)
    {
        if (item is not null)
        {
            return Kommo.Hal(item);
        }

        return store.Options.NotFoundForUnknownId ? Kommo.NotFound(notFound) : TypedResults.NoContent();
    }

    /// <summary>Delegate that validates one item of a batch and writes it; returns the id or null (errors in the reader).</summary>
    public delegate long? SaveItem(WriteContext w, ItemReader r, long? id);

    /// <summary>Delegate that fills one result item of a batch after its write.</summary>
    public delegate void DescribeItem(WriteContext w, JsonObject result, long id);

    /// <summary>One write in a transaction over a request body that was read and checked before.</summary>
    public delegate HalJsonResult Write<in TBody>(SqliteConnection c, SqliteTransaction tx, ApiContext ctx, TBody body);

    /// <summary>Whether a write's transaction is kept: only when it answers 200 (a 400 or 404 rolls every change back).</summary>
    public static bool IsOk(HalJsonResult result) => result.StatusCode == StatusCodes.Status200OK;

    /// <summary>Reads a JSON array body (or answers its error) and runs <paramref name="write"/> on it, committed only on 200.</summary>
    public static async Task<HalJsonResult> WriteArray(HttpContext http, SandboxStore store, Write<JsonArray> write)
    {
        var (items, error) = await JsonBody.ReadArrayAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var ctx = store.Context(http);
        return await store.Database.WriteAsync((c, tx) => write(c, tx, ctx, items!), IsOk).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON object body (or answers its error) and runs <paramref name="write"/> on it, committed only on 200.</summary>
    public static async Task<HalJsonResult> WriteObject(HttpContext http, SandboxStore store, Write<JsonObject> write)
    {
        var (item, error) = await JsonBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var ctx = store.Context(http);
        return await store.Database.WriteAsync((c, tx) => write(c, tx, ctx, item!), IsOk).ConfigureAwait(false);
    }

    /// <summary>The envelope of a whole collection: <c>{_total_items, _links: {self}, _embedded: {key: items}}</c>.</summary>
    public static JsonObject Collection(ApiContext ctx, string selfPath, string key, JsonArray items) => new()
    {
        ["_total_items"] = items.Count,
        ["_links"] = ctx.Links(selfPath),
        ["_embedded"] = new JsonObject { [key] = items },
    };

    /// <summary>Handles one item of a batch: the saved item's answer, or null when it failed (its errors are in <c>reader.Errors</c>).</summary>
    public delegate JsonObject? BatchItem(WriteContext w, string requestId, ItemReader reader);

    /// <summary>
    /// Runs a batch in one transaction: every item is handled by <paramref name="item"/>, and any failure rolls the whole
    /// batch back and answers 400 with <c>validation-errors</c> for each failing <c>request_id</c>; lead moves are
    /// published only after the commit.
    /// </summary>
    public static async Task<HalJsonResult> RunBatch(HttpContext http, SandboxStore store, int max, BatchItem item, Func<ApiContext, JsonArray, HalJsonResult> answer)
    {
        var (items, error) = await JsonBody.ReadArrayAsync(http, max).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var ctx = store.Context(http);
        var moves = new List<LeadStatusChange>();
        var result = await store.Database.WriteAsync((c, tx) =>
        {
            var w = new WriteContext(c, tx, ctx, moves);
            var errors = new BatchErrors();
            var results = new JsonArray();
            foreach (var (requestId, reader) in ItemReader.Batch(items!, errors))
            {
                var done = item(w, requestId, reader);
                if (done is null || reader.Errors.Count > 0)
                {
                    errors.Add(requestId, reader.Errors);
                    continue;
                }
                results.Add((JsonNode)done);
            }

            return errors.Any ? Kommo.Validation(errors) : answer(ctx, results);
        }, IsOk).ConfigureAwait(false);
        return Committed(store, result, moves);
    }

    /// <summary>
    /// Runs an add (POST) or update (PATCH) batch in one transaction: every item is validated, and any failure rolls
    /// the whole batch back and answers 400 with <c>validation-errors</c> for each failing <c>request_id</c>.
    /// </summary>
    public static Task<HalJsonResult> Batch(HttpContext http, SandboxStore store, string collectionPath, string itemPath, string key,
        bool update, SaveItem save, DescribeItem? describe = null) =>
        RunBatch(http, store, ListRequest.MaxLimit, (w, requestId, reader) =>
        {
            long? targetId = null;
            if (update)
            {
                if (!reader.Int("id", out var given))
                {
                    if (!reader.Has("id"))
                    {
                        reader.Errors.Add(FieldError.Blank("id"));
                    }

                    return null;
                }

                targetId = given;
            }

            if (save(w, reader, targetId) is not { } savedId || reader.Errors.Count > 0)
            {
                return null;
            }

            var result = new JsonObject { ["id"] = savedId };
            describe?.Invoke(w, result, savedId);
            result["request_id"] = requestId;
            if (result["_links"] is JsonNode links)
            {
                result.Remove("_links");
                result["_links"] = links; // keep _links last, where Kommo has it
            }
            else
            {
                result["_links"] = w.Api.Links(string.Format(System.Globalization.CultureInfo.InvariantCulture, itemPath, savedId));
            }
            return result;
        },
        (ctx, results) => Kommo.Hal(new JsonObject
        {
            ["_links"] = ctx.Links(collectionPath),
            ["_embedded"] = new JsonObject { [key] = results },
        }));

    /// <summary>Single-object PATCH on <c>/{entity}/{id}</c>: 404 for an unknown id, 400 for invalid fields, else <c>{id, updated_at, _links}</c>.</summary>
    public static async Task<HalJsonResult> PatchOne(HttpContext http, SandboxStore store, long id, string selfPath, string table, string notFound,
        Func<WriteContext, long, bool> exists, SaveItem save)
    {
        var (item, error) = await JsonBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var ctx = store.Context(http);
        var moves = new List<LeadStatusChange>();
        var answer = await store.Database.WriteAsync((c, tx) =>
        {
            var w = new WriteContext(c, tx, ctx, moves);
            if (!exists(w, id))
            {
                return Kommo.NotFound(notFound);
            }

            var errors = new List<FieldError>();
            var saved = save(w, new ItemReader(item!, string.Empty, errors), id);
            if (saved is null || errors.Count > 0)
            {
                return Kommo.Validation(ItemReader.RequestId(item!, 0), errors);
            }

            return Kommo.Hal(new JsonObject
            {
                ["id"] = id,
                ["updated_at"] = UpdatedAt(w, table, id),
                ["_links"] = ctx.Links(selfPath),
            });
        }, IsOk).ConfigureAwait(false);
        return Committed(store, answer, moves);
    }

    /// <summary>Publishes the lead moves of a write that committed (answered 200) and passes its answer on.</summary>
    public static HalJsonResult Committed(SandboxStore store, HalJsonResult answer, List<LeadStatusChange> moves)
    {
        if (answer.StatusCode == StatusCodes.Status200OK && moves.Count > 0)
        {
            store.PublishLeadMoves(moves);
        }

        return answer;
    }

    public static long UpdatedAt(WriteContext w, string table, long id) =>
        SandboxDatabase.ScalarLong(w.C, w.Tx, $"SELECT updated_at FROM {table} WHERE id = $id", ("$id", id)) ?? 0;

    /// <summary>Kommo answers DELETE on entities it never deletes through the API with 405 and no body.</summary>
    public static StatusCodeHttpResult MethodNotAllowed() => TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed);
}
