using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KommoWidgetKit.Sandbox;

namespace KommoWidgetKit.DevHost.State;

/// <summary>
/// The emulated pages' records read from the sandbox API's store: every call reads the database again, so a write
/// through <c>/api/v4</c> shows on the next page load. Lists show the first 250 records of a type.
/// </summary>
public sealed class SandboxHostData(SandboxStore store) : IHostData
{
    private const int ListLimit = 250;

    /// <summary>The store the records come from.</summary>
    public SandboxStore Store { get; } = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc />
    public HostUser CurrentUser => Managers.FirstOrDefault(m => m.Id == Store.CurrentUserId) ?? Managers[0];

    /// <inheritdoc />
    public HostAccount Account
    {
        get
        {
            var a = Store.GetAccount();
            return new HostAccount((long)a["id"]!, (string)a["name"]!, (string)a["subdomain"]!, (string?)a["currency"] ?? "USD", (string?)a["country"] ?? "US");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HostUser> Managers =>
        Store.GetManagers().Select(pair => pair.Value!.AsObject()).Select(m => new HostUser(
            long.Parse((string)m["id"]!, CultureInfo.InvariantCulture),
            (string)m["title"]!,
            (string)m["login"]!,
            (string?)m["is_admin"] == "Y",
            long.Parse(((string)m["group"]!)["group_".Length..], CultureInfo.InvariantCulture))).ToList();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Groups =>
        Store.GetGroups().ToDictionary(pair => pair.Key, pair => (string)pair.Value!, StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<HostPipeline> Pipelines =>
        Store.GetPipelines().Select(p => p!.AsObject()).Select(p => new HostPipeline(
            (long)p["id"]!,
            (string)p["name"]!,
            (p["_embedded"]?["statuses"]?.AsArray() ?? []).Select(s => new HostStatus((long)s!["id"]!, (string)s["name"]!, (string?)s["color"] ?? "#c1c1c1")).ToList())).ToList();

    /// <inheritdoc />
    public HostEntity? Find(string entityType, long id)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (entityType == "tasks")
        {
            return List("tasks").FirstOrDefault(t => t.Id == id);
        }
        if (!IsCrm(entityType) || Store.GetEntity(entityType, id, "contacts") is not { } item)
        {
            return null;
        }
        var names = Names(entityType);
        return ToEntity(entityType, item, names.Contacts, names.Companies);
    }

    /// <inheritdoc />
    public IReadOnlyList<HostEntity> List(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (entityType == "tasks")
        {
            return Store.GetTasks(ListLimit).Select(t => t!.AsObject()).Select(t => new HostEntity("tasks", (long)t["id"]!, (string?)t["text"] ?? "",
                (long)t["responsible_user_id"]!, CreatedAt: (long)t["created_at"]!)).ToList();
        }
        if (!IsCrm(entityType))
        {
            return [];
        }
        var names = Names(entityType);
        return Store.GetEntities(entityType, 1, ListLimit, null, "contacts").Items
            .Select(item => ToEntity(entityType, item!.AsObject(), names.Contacts, names.Companies)).ToList();
    }

    private static bool IsCrm(string entityType) => entityType is "leads" or "contacts" or "companies" or "customers";

    /// <summary>Contacts (with phones and e-mails) and company names, for the records that link to them.</summary>
    private (Dictionary<long, JsonObject> Contacts, Dictionary<long, string> Companies) Names(string entityType)
    {
        var contacts = entityType is "contacts" or "companies"
            ? []
            : Store.GetEntities("contacts", 1, ListLimit).Items.Select(c => c!.AsObject()).ToDictionary(c => (long)c["id"]!);
        var companies = entityType == "companies"
            ? []
            : Store.GetEntities("companies", 1, ListLimit).Items.Select(c => c!.AsObject()).ToDictionary(c => (long)c["id"]!, c => (string?)c["name"] ?? "");
        return (contacts, companies);
    }

    private static HostEntity ToEntity(string entityType, JsonObject item, Dictionary<long, JsonObject> contacts, Dictionary<long, string> companies)
    {
        var embedded = item["_embedded"] as JsonObject;
        var linkedContacts = (embedded?["contacts"] as JsonArray ?? [])
            .Select(c => (Id: (long)c!["id"]!, IsMain: c["is_main"]?.GetValueKind() == JsonValueKind.True))
            .Select(c => new HostLink(c.Id, contacts.TryGetValue(c.Id, out var contact) ? (string?)contact["name"] ?? "" : "", c.IsMain))
            .ToList();
        var companyId = (embedded?["companies"] as JsonArray)?.FirstOrDefault()?["id"];
        var fields = Fields(item);
        var phones = Values(fields, "PHONE");
        var emails = Values(fields, "EMAIL");
        if (entityType is "leads" or "customers" && phones.Count == 0 && emails.Count == 0 && linkedContacts.FirstOrDefault() is { } main
            && contacts.TryGetValue(main.Id, out var mainContact))
        {
            // A lead's card shows its main contact's phones and e-mails, as Kommo's does.
            var contactFields = Fields(mainContact);
            phones = Values(contactFields, "PHONE");
            emails = Values(contactFields, "EMAIL");
        }
        long? price = entityType switch
        {
            "leads" => (long?)item["price"],
            "customers" => (long?)item["next_price"],
            _ => null,
        };
        return new HostEntity(entityType, (long)item["id"]!, (string?)item["name"] ?? "", (long)item["responsible_user_id"]!, price,
            (long?)item["pipeline_id"], (long?)item["status_id"], phones, emails,
            companyId is null ? null : companies.GetValueOrDefault((long)companyId), (long?)item["created_at"] ?? 0)
        {
            Contacts = linkedContacts,
            Fields = fields.Where(f => f.Code is not ("PHONE" or "EMAIL")).ToList(),
        };
    }

    private static List<string> Values(List<HostField> fields, string code) =>
        fields.Where(f => f.Code == code).SelectMany(f => f.Values).ToList();

    private static List<HostField> Fields(JsonObject item) =>
        (item["custom_fields_values"] as JsonArray ?? []).Select(f => f!.AsObject()).Select(f =>
        {
            var type = (string?)f["field_type"] ?? "text";
            var values = (f["values"] as JsonArray ?? []).Select(v => Text(v?["value"], type)).Where(v => v.Length > 0).ToList();
            return new HostField((long)f["field_id"]!, (string?)f["field_name"] ?? "", (string?)f["field_code"], type, values);
        }).ToList();

    /// <summary>A value as a person reads it: dates as yyyy-MM-dd, flags as Yes/No, structures as JSON.</summary>
    private static string Text(JsonNode? value, string type)
    {
        if (value is null)
        {
            return "";
        }
        if (type is "date" or "birthday" or "date_time" && value.GetValueKind() == JsonValueKind.Number)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds((long)value);
            return at.ToString(type == "date_time" ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => (string)value!,
            JsonValueKind.True => "Yes",
            JsonValueKind.False => "No",
            _ => value.ToJsonString(),
        };
    }
}
