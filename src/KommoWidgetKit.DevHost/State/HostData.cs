namespace KommoWidgetKit.DevHost.State;

/// <summary>A user of the emulated account.</summary>
public sealed record HostUser(long Id, string Name, string Login, bool IsAdmin, long GroupId);

/// <summary>The emulated account.</summary>
public sealed record HostAccount(long Id, string Name, string Subdomain, string Currency, string Country);

/// <summary>A record shown on a card or in a list: lead, contact, company, customer or task.</summary>
public sealed record HostEntity(
    string EntityType,
    long Id,
    string Name,
    long ResponsibleUserId,
    long? Price = null,
    long? PipelineId = null,
    long? StatusId = null,
    IReadOnlyList<string>? Phones = null,
    IReadOnlyList<string>? Emails = null,
    string? Company = null,
    long CreatedAt = 0);

/// <summary>A pipeline stage, for the digital pipeline page and lead cards.</summary>
public sealed record HostStatus(long Id, string Name, string Color);

/// <summary>A pipeline with its stages.</summary>
public sealed record HostPipeline(long Id, string Name, IReadOnlyList<HostStatus> Statuses);

/// <summary>
/// The account data the emulated pages show. Built in: <see cref="SampleHostData"/>; the sandbox API can
/// supply its own store behind the same interface.
/// </summary>
public interface IHostData
{
    /// <summary>The signed-in user.</summary>
    HostUser CurrentUser { get; }

    /// <summary>The account.</summary>
    HostAccount Account { get; }

    /// <summary>All users of the account (<c>APP.constant('managers')</c>).</summary>
    IReadOnlyList<HostUser> Managers { get; }

    /// <summary>Lead pipelines with their stages.</summary>
    IReadOnlyList<HostPipeline> Pipelines { get; }

    /// <summary>One record by entity type (<c>leads</c>, <c>contacts</c>, <c>companies</c>, <c>customers</c>, <c>tasks</c>) and id.</summary>
    HostEntity? Find(string entityType, long id);

    /// <summary>The rows of a list page.</summary>
    IReadOnlyList<HostEntity> List(string entityType);
}

/// <summary>Small deterministic sample records, so every page has something to show.</summary>
public sealed class SampleHostData : IHostData
{
    private readonly Dictionary<string, List<HostEntity>> _entities = new(StringComparer.Ordinal);

    /// <summary>Builds the sample account; the same seed gives the same records.</summary>
    public SampleHostData(int seed = 1)
    {
        var random = new Random(seed);
        Account = new HostAccount(30000000 + seed, "Dev Account", "devhost", "USD", "US");
        Managers =
        [
            new HostUser(9000001, "Alex Admin", "alex@devhost.example", true, 0),
            new HostUser(9000002, "Bianca Sales", "bianca@devhost.example", false, 1),
            new HostUser(9000003, "Carlos Support", "carlos@devhost.example", false, 1),
        ];
        CurrentUser = Managers[0];
        Pipelines =
        [
            new HostPipeline(7000001, "Sales", [
                new HostStatus(142000001, "Incoming leads", "#c1e0ff"),
                new HostStatus(142000002, "Contact made", "#99ccff"),
                new HostStatus(142000003, "Offer sent", "#ffff99"),
                new HostStatus(142, "Closed - won", "#ccff66"),
                new HostStatus(143, "Closed - lost", "#d5d8db"),
            ]),
        ];
        string[] first = ["Anna", "Boris", "Chloe", "Diego", "Eva", "Farid"];
        string[] last = ["Smith", "Garcia", "Silva", "Yilmaz", "Wijaya", "Brown"];
        string[] firms = ["Acme Corp", "Globex", "Initech"];
        var now = 1735689600L;
        var companies = firms.Select((f, i) => new HostEntity("companies", 3000001 + i, f, Managers[i % 3].Id,
            Phones: [$"+1555010{i:00}"], Emails: [$"info@{f.ToLowerInvariant().Replace(" ", "")}.example"], CreatedAt: now - i * 86400)).ToList();
        var contacts = Enumerable.Range(0, 5).Select(i =>
        {
            var name = $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}";
            return new HostEntity("contacts", 2000001 + i, name, Managers[i % 3].Id,
                Phones: [$"+1555020{i:00}"], Emails: [$"{name.Split(' ')[0].ToLowerInvariant()}{i}@mail.example"],
                Company: firms[i % firms.Length], CreatedAt: now - i * 3600);
        }).ToList();
        var statuses = Pipelines[0].Statuses;
        var leads = Enumerable.Range(0, 5).Select(i => new HostEntity("leads", 1000001 + i, $"Deal #{i + 1} with {contacts[i].Name}",
            Managers[i % 3].Id, Price: (random.Next(10, 500)) * 100, PipelineId: Pipelines[0].Id, StatusId: statuses[i % 3].Id,
            Phones: contacts[i].Phones, Emails: contacts[i].Emails, Company: contacts[i].Company, CreatedAt: now - i * 7200)).ToList();
        var customers = Enumerable.Range(0, 2).Select(i => new HostEntity("customers", 4000001 + i, $"Subscription {firms[i]}",
            Managers[i].Id, Price: 990, Company: firms[i], CreatedAt: now - i * 86400)).ToList();
        string[] todo = ["Call back about the offer", "Send the contract", "Follow up after the demo", "Prepare the invoice"];
        var tasks = todo.Select((t, i) => new HostEntity("tasks", 5000001 + i, t, Managers[i % 3].Id, CreatedAt: now + i * 3600)).ToList();
        _entities["leads"] = leads;
        _entities["contacts"] = contacts;
        _entities["companies"] = companies;
        _entities["customers"] = customers;
        _entities["tasks"] = tasks;
    }

    /// <inheritdoc />
    public HostUser CurrentUser { get; }

    /// <inheritdoc />
    public HostAccount Account { get; }

    /// <inheritdoc />
    public IReadOnlyList<HostUser> Managers { get; }

    /// <inheritdoc />
    public IReadOnlyList<HostPipeline> Pipelines { get; }

    /// <inheritdoc />
    public HostEntity? Find(string entityType, long id) =>
        _entities.TryGetValue(entityType, out var list) ? list.FirstOrDefault(e => e.Id == id) : null;

    /// <inheritdoc />
    public IReadOnlyList<HostEntity> List(string entityType) =>
        _entities.TryGetValue(entityType, out var list) ? list : [];
}
