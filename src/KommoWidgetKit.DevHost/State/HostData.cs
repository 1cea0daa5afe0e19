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
    long CreatedAt = 0)
{
    /// <summary>Contacts linked to a lead, a company or a customer (the main one first).</summary>
    public IReadOnlyList<HostLink> Contacts { get; init; } = [];

    /// <summary>Custom field values as the card shows them (phones and e-mails are in <see cref="Phones"/> / <see cref="Emails"/>).</summary>
    public IReadOnlyList<HostField> Fields { get; init; } = [];
}

/// <summary>A record linked to another (a lead's contacts).</summary>
public sealed record HostLink(long Id, string Name, bool IsMain);

/// <summary>One custom field value of a record, as text.</summary>
public sealed record HostField(long Id, string Name, string? Code, string Type, IReadOnlyList<string> Values);

/// <summary>A pipeline stage, for the digital pipeline page and lead cards.</summary>
public sealed record HostStatus(long Id, string Name, string Color);

/// <summary>A pipeline with its stages.</summary>
public sealed record HostPipeline(long Id, string Name, IReadOnlyList<HostStatus> Statuses);

/// <summary>
/// The account data the emulated pages show. Built in: <see cref="SandboxHostData"/> over the sandbox API's store, so
/// pages and <c>/api/v4</c> show the same records; a caller may plug in another.
/// </summary>
public interface IHostData
{
    /// <summary>The signed-in user.</summary>
    HostUser CurrentUser { get; }

    /// <summary>The account.</summary>
    HostAccount Account { get; }

    /// <summary>All users of the account (<c>APP.constant('managers')</c>).</summary>
    IReadOnlyList<HostUser> Managers { get; }

    /// <summary>User groups keyed <c>group_{id}</c> (<c>APP.constant('groups')</c>).</summary>
    IReadOnlyDictionary<string, string> Groups { get; }

    /// <summary>Lead pipelines with their stages.</summary>
    IReadOnlyList<HostPipeline> Pipelines { get; }

    /// <summary>One record by entity type (<c>leads</c>, <c>contacts</c>, <c>companies</c>, <c>customers</c>, <c>tasks</c>) and id.</summary>
    HostEntity? Find(string entityType, long id);

    /// <summary>The rows of a list page.</summary>
    IReadOnlyList<HostEntity> List(string entityType);
}
