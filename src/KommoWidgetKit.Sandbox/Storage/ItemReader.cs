using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Typed access to one item of a write request; bad values become field errors with the item's dot paths.</summary>
internal sealed class ItemReader(JsonObject item, string prefix, List<FieldError> errors)
{
    public JsonObject Source { get; } = item;

    public List<FieldError> Errors { get; } = errors;

    public string Prefix { get; } = prefix;

    public bool Has(string key) => Source.ContainsKey(key);

    public string Path(string key) => Prefix + key;

    public JsonNode? this[string key] => Source[key];

    /// <summary>True when the key is present with an integer; an error when present with anything else (null too).</summary>
    public bool Int(string key, out long value)
    {
        value = 0;
        if (!Source.TryGetPropertyValue(key, out var node))
        {
            return false;
        }

        if (CustomFieldValues.TryLong(node, out value) && node!.GetValueKind() == JsonValueKind.Number)
        {
            return true;
        }

        Errors.Add(FieldError.Type(Path(key), "int"));
        return false;
    }

    /// <summary>Like <see cref="Int"/> but <c>null</c> is a valid value.</summary>
    public bool NullableInt(string key, out long? value)
    {
        value = null;
        if (Source.TryGetPropertyValue(key, out var node) && node is null)
        {
            return true;
        }

        if (Int(key, out var v))
        {
            value = v;
            return true;
        }

        return false;
    }

    public bool Text(string key, out string value)
    {
        value = string.Empty;
        if (!Source.TryGetPropertyValue(key, out var node))
        {
            return false;
        }

        if (node?.GetValueKind() == JsonValueKind.String)
        {
            value = (string)node!;
            return true;
        }

        Errors.Add(FieldError.Type(Path(key), "string"));
        return false;
    }

    public bool Bool(string key, out bool value)
    {
        value = false;
        if (!Source.TryGetPropertyValue(key, out var node))
        {
            return false;
        }

        if (node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = (bool)node!;
            return true;
        }

        Errors.Add(FieldError.Type(Path(key), "bool"));
        return false;
    }

    /// <summary>A text that must be present and not blank: true with the value, else a blank error unless reading it already added one.</summary>
    public bool RequiredText(string key, out string value)
    {
        var before = Errors.Count;
        if (Text(key, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (Errors.Count == before)
        {
            Errors.Add(FieldError.Blank(Path(key)));
        }

        return false;
    }

    /// <summary>
    /// The objects of a batch, each with its <c>request_id</c> and a reader that collects its field errors; an entry
    /// that is not an object adds a type error under its index to <paramref name="errors"/> and is skipped.
    /// </summary>
    public static IEnumerable<(string RequestId, ItemReader Reader)> Batch(JsonArray items, BatchErrors errors)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                errors.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), [FieldError.Type(string.Empty, "object")]);
                continue;
            }

            yield return (RequestId(item, i), new ItemReader(item, string.Empty, []));
        }
    }

    /// <summary>The echoed <c>request_id</c>: the item's own (string or number) or its index.</summary>
    public static string RequestId(JsonObject item, int index) => item["request_id"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string)v!,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Reference data a batch validates against, loaded once per write transaction.</summary>
internal sealed class WriteContext
{
    private readonly Dictionary<string, FieldSet> _fields = new(StringComparer.Ordinal);

    public WriteContext(SqliteConnection connection, SqliteTransaction tx, ApiContext api, List<LeadStatusChange>? leadMoves = null)
    {
        C = connection;
        Tx = tx;
        Api = api;
        LeadMoves = leadMoves ?? [];
        Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var u in Row.Query(connection, tx, "SELECT id, group_id FROM api_users"))
        {
            UserGroups[u.Long("id")] = u.NullableLong("group_id") ?? 0;
        }
    }

    public SqliteConnection C { get; }

    public SqliteTransaction Tx { get; }

    public ApiContext Api { get; }

    public long Now { get; }

    /// <summary>Leads this transaction put into a stage (added, or moved to another stage or pipeline); published after commit.</summary>
    public List<LeadStatusChange> LeadMoves { get; }

    public Dictionary<long, long> UserGroups { get; } = [];

    public FieldSet Fields(string entityType)
    {
        if (!_fields.TryGetValue(entityType, out var set))
        {
            set = FieldSet.Load(C, Tx, entityType);
            _fields[entityType] = set;
        }

        return set;
    }

    /// <summary>A user id that may be 0 (robot) where Kommo allows it, otherwise an existing user.</summary>
    public bool ValidUser(long id, bool allowRobot) => (allowRobot && id == 0) || UserGroups.ContainsKey(id);

    public long GroupOf(long userId) => UserGroups.GetValueOrDefault(userId);

    /// <summary>
    /// <c>responsible_user_id</c>: an existing user sets it and its group in <paramref name="cols"/>, anything else is a
    /// choice error. Answers the responsible user: the item's, else the stored one, else the current user.
    /// </summary>
    public long Responsible(ItemReader r, Row? existing, List<(string Column, object? Value)> cols)
    {
        var responsible = existing?.Long("responsible_user_id") ?? Api.CurrentUserId;
        if (r.Int("responsible_user_id", out var given))
        {
            if (ValidUser(given, false))
            {
                responsible = given;
                cols.Add(("responsible_user_id", given));
                cols.Add(("group_id", GroupOf(given)));
            }
            else
            {
                r.Errors.Add(FieldError.Choice(r.Path("responsible_user_id")));
            }
        }

        return responsible;
    }

    /// <summary>User columns such as <c>created_by</c>: a user or 0 (robot) goes into <paramref name="cols"/>, anything else is a choice error.</summary>
    public void Authors(ItemReader r, List<(string Column, object? Value)> cols, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (r.Int(key, out var user))
            {
                if (ValidUser(user, true))
                {
                    cols.Add((key, user));
                }
                else
                {
                    r.Errors.Add(FieldError.Choice(r.Path(key)));
                }
            }
        }
    }
}

/// <summary>Reads a write request body: rejects empty or malformed JSON, non-arrays where arrays are required, batches over 250.</summary>
internal static class JsonBody
{
    public static async Task<(JsonNode? Body, HalJsonResult? Error)> ReadAsync(Microsoft.AspNetCore.Http.HttpContext http)
    {
        JsonNode? body;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            var text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, Kommo.EmptyBody());
            }

            body = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return (null, Kommo.BadRequest("Request body is not valid JSON"));
        }

        return body is null ? (null, Kommo.EmptyBody()) : (body, null);
    }

    public static async Task<(JsonArray? Items, HalJsonResult? Error)> ReadArrayAsync(Microsoft.AspNetCore.Http.HttpContext http, int max = ListRequest.MaxLimit)
    {
        var (body, error) = await ReadAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        if (body is not JsonArray array)
        {
            return (null, Kommo.Validation("0", FieldError.Type(string.Empty, "array")));
        }

        if (array.Count == 0)
        {
            return (null, Kommo.EmptyBody());
        }

        if (array.Count > max)
        {
            return (null, Kommo.TooMany());
        }

        return (array, null);
    }

    public static async Task<(JsonObject? Item, HalJsonResult? Error)> ReadObjectAsync(Microsoft.AspNetCore.Http.HttpContext http)
    {
        var (body, error) = await ReadAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        if (body is not JsonObject item)
        {
            return (null, Kommo.Validation("0", FieldError.Type(string.Empty, "object")));
        }

        return (item, null);
    }
}
