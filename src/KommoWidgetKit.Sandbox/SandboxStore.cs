using System.Globalization;

namespace KommoWidgetKit.Sandbox;

/// <summary>
/// The sandbox data, readable by the dev host for its emulated pages: every method returns JSON-ready objects in the
/// same shapes as the API. Opening the store creates, migrates and (on first run or reset) seeds the database.
/// </summary>
public sealed class SandboxStore
{
    private readonly SandboxDatabase _db;

    /// <summary>Opens (and if needed creates and seeds) the database named by <paramref name="options"/>.</summary>
    public SandboxStore(SandboxApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DatabasePath);
        Options = options;
        _db = new SandboxDatabase(options.DatabasePath);
        ApiToken = _db.Initialise(options);
        AccountId = _db.Read((c, tx) => long.Parse(SandboxDatabase.GetMeta(c, tx, "account_id")!, CultureInfo.InvariantCulture));
        CurrentUserId = _db.Read((c, tx) => SandboxDatabase.ScalarLong(c, tx, "SELECT id FROM api_users WHERE is_admin = 1 ORDER BY id LIMIT 1") ?? 0);
    }

    /// <summary>The options the store was opened with.</summary>
    public SandboxApiOptions Options { get; }

    /// <summary>The bearer token the API accepts: the configured one, or the generated one kept in the database.</summary>
    public string ApiToken { get; }

    /// <summary>Id of the sandbox account.</summary>
    public long AccountId { get; }

    /// <summary>Id of the user the token (and the emulated page) acts as; an administrator.</summary>
    public long CurrentUserId { get; }

    /// <summary>Full path of the SQLite file.</summary>
    public string DatabasePath => _db.Path;

    internal SandboxDatabase Database => _db;

    /// <summary>Links in objects returned to the host point at the account's Kommo-style origin.</summary>
    private ApiContext HostContext => new($"https://{Options.Subdomain}.kommo.com", AccountId, CurrentUserId);

    internal ApiContext Context(HttpContext http) => new(ApiContext.Origin(http.Request), AccountId, CurrentUserId);

    /// <summary>The account as <c>GET /api/v4/account</c> returns it, with the given <c>with</c> extras.</summary>
    public JsonObject GetAccount(params string[] with) =>
        _db.Read((c, tx) => AccountRepository.Account(c, tx, HostContext, Options, new HashSet<string>(with, StringComparer.Ordinal)));

    /// <summary>The current user as <c>GET /api/v4/users/{id}</c> returns it (with uuid, amojo_id, rank and phone).</summary>
    public JsonObject GetCurrentUser() => GetUser(CurrentUserId)!;

    /// <summary>One user, or null.</summary>
    public JsonObject? GetUser(long id) => _db.Read((c, tx) =>
    {
        var row = Row.Query(c, tx, "SELECT * FROM api_users WHERE id = $id", ("$id", id)).FirstOrDefault();
        return row is null ? null : AccountRepository.RenderUser(c, tx, HostContext, row, new HashSet<string>(AccountRepository.UserWith));
    });

    /// <summary>Every user of the account, in id order.</summary>
    public JsonArray GetUsers() => _db.Read((c, tx) =>
    {
        var array = new JsonArray();
        var with = new HashSet<string>(AccountRepository.UserWith);
        foreach (var row in Row.Query(c, tx, "SELECT * FROM api_users ORDER BY id"))
        {
            array.Add((JsonNode)AccountRepository.RenderUser(c, tx, HostContext, row, with));
        }

        return array;
    });

    /// <summary>Users keyed by id with <c>id</c>, <c>title</c>, <c>login</c>, <c>active</c>, <c>is_admin</c>, <c>group</c>: the shape of <c>APP.constant('managers')</c>.</summary>
    public JsonObject GetManagers() => _db.Read((c, tx) =>
    {
        var managers = new JsonObject();
        foreach (var u in Row.Query(c, tx, "SELECT * FROM api_users ORDER BY id"))
        {
            var id = u.Long("id").ToString(CultureInfo.InvariantCulture);
            managers[id] = new JsonObject
            {
                ["id"] = id,
                ["title"] = u.String("name"),
                ["login"] = u.String("email"),
                ["active"] = u.Bool("is_active"),
                ["is_admin"] = u.Bool("is_admin") ? "Y" : "N",
                ["group"] = "group_" + (u.NullableLong("group_id") ?? 0).ToString(CultureInfo.InvariantCulture),
                ["avatar"] = null,
            };
        }

        return managers;
    });

    /// <summary>User groups keyed <c>group_{id}</c> with their names: the shape of <c>APP.constant('groups')</c>.</summary>
    public JsonObject GetGroups() => _db.Read((c, tx) =>
    {
        var groups = new JsonObject();
        foreach (var g in AccountRepository.Groups(c, tx))
        {
            groups["group_" + ((long)g!["id"]!).ToString(CultureInfo.InvariantCulture)] = (string)g["name"]!;
        }

        return groups;
    });

    /// <summary>Task types (<c>[{id, name, color, icon_id, code}]</c>), for <c>APP.constant('task_types')</c>.</summary>
    public JsonArray GetTaskTypes() => _db.Read(AccountRepository.TaskTypes);

    /// <summary>Pipelines in sort order, each with <c>_embedded.statuses</c>.</summary>
    public JsonArray GetPipelines() => _db.Read((c, tx) => PipelineRepository.List(c, tx, HostContext));

    /// <summary>Custom field definitions of <c>leads</c>, <c>contacts</c>, <c>companies</c> or <c>customers</c>.</summary>
    public JsonArray GetCustomFields(string entityType) => _db.Read((c, tx) =>
    {
        var array = new JsonArray();
        foreach (var def in FieldDef.LoadAll(c, tx, entityType))
        {
            array.Add((JsonNode)CustomFieldRepository.Render(HostContext, def));
        }

        return array;
    });

    /// <summary>One lead, contact, company or customer with custom fields and the given <c>with</c> extras, or null.</summary>
    public JsonObject? GetEntity(string entityType, long id, params string[] with)
    {
        var kind = CrmKind.Find(entityType) ?? throw new ArgumentException($"Unknown entity type '{entityType}'.", nameof(entityType));
        return _db.Read((c, tx) => CrmRepository.Get(c, tx, HostContext, kind, id, new HashSet<string>(with, StringComparer.Ordinal)));
    }

    /// <summary>One page of an entity list (id order), with <c>query</c> search as the API does it.</summary>
    public SandboxPage GetEntities(string entityType, int page = 1, int limit = ListRequest.DefaultLimit, string? query = null, params string[] with)
    {
        var kind = CrmKind.Find(entityType) ?? throw new ArgumentException($"Unknown entity type '{entityType}'.", nameof(entityType));
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ListRequest.MaxLimit);
        var context = new DefaultHttpContext();
        var parameters = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["with"] = string.Join(',', with),
        };
        if (query is not null)
        {
            parameters["query"] = query;
        }

        context.Request.Query = new QueryCollection(parameters);
        var request = ListRequest.Parse(context, kind.Orders, out _)!;
        var (items, hasNext, _) = _db.Read((c, tx) => CrmRepository.List(c, tx, HostContext, kind, request));
        var total = _db.Read((c, tx) => SandboxDatabase.ScalarLong(c, tx, $"SELECT COUNT(*) FROM {kind.Table} WHERE is_deleted = 0") ?? 0);
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add((JsonNode)item);
        }

        return new SandboxPage(array, page, limit, hasNext, total);
    }

    /// <summary>Tasks in id order (at most <paramref name="limit"/>), as <c>GET /api/v4/tasks</c> returns them.</summary>
    public JsonArray GetTasks(int limit = ListRequest.MaxLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ListRequest.MaxLimit);
        var context = new DefaultHttpContext();
        context.Request.Query = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
        });
        var request = ListRequest.Parse(context, TaskRepository.Orders, out _)!;
        var (items, _, _) = _db.Read((c, tx) => TaskRepository.List(c, tx, HostContext, request));
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add((JsonNode)item);
        }

        return array;
    }

    /// <summary>
    /// Raised after a write committed that put leads into a stage: added leads, and leads moved to another stage or
    /// pipeline (<c>POST</c>/<c>PATCH /api/v4/leads</c>, <c>/leads/{id}</c>, <c>/leads/complex</c>). Handlers run on the
    /// request's thread before the answer is written, so they should hand slow work (webhooks) off.
    /// </summary>
    public event Action<IReadOnlyList<LeadStatusChange>>? LeadsMoved;

    internal void PublishLeadMoves(IReadOnlyList<LeadStatusChange> moves) => LeadsMoved?.Invoke(moves);

    /// <summary>The widget with this code as <c>GET /api/v4/widgets/{code}</c> returns it, or null.</summary>
    public JsonObject? GetWidget(string code) => _db.Read((c, tx) => WidgetRepository.Get(c, tx, HostContext, code));

    /// <summary>Soft-deletes an entity (Kommo's API has no delete; the UI does it), so <c>with=only_deleted</c> can be tried.</summary>
    public bool SoftDelete(string entityType, long id)
    {
        var kind = CrmKind.Find(entityType) ?? throw new ArgumentException($"Unknown entity type '{entityType}'.", nameof(entityType));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return _db.Write((c, tx) => SandboxDatabase.Execute(c, tx,
            $"UPDATE {kind.Table} SET is_deleted = 1, updated_at = MAX(updated_at, $now), updated_by = $u WHERE id = $id AND is_deleted = 0",
            ("$now", now), ("$u", CurrentUserId), ("$id", id)) > 0);
    }
}

/// <summary>One page of a list read through <see cref="SandboxStore"/>.</summary>
/// <param name="Items">The entities of the page, in the API's shape.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Limit">Page size.</param>
/// <param name="HasNext">Whether a further page exists.</param>
/// <param name="Total">Number of live entities of the type (not narrowed by the query).</param>
public sealed record SandboxPage(JsonArray Items, int Page, int Limit, bool HasNext, long Total);
