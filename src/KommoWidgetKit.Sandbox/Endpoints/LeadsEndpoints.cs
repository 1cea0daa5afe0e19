namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/leads</c>: list, get, add, update, and the complex add with a contact and a company.</summary>
internal static class LeadsEndpoints
{
    private const int ComplexMax = 50;

    public static void MapLeads(this IEndpointRouteBuilder api)
    {
        var group = api.MapCrmEntity(CrmKind.Leads);
        group.MapPost("/complex", Complex);
    }

    /// <summary>Adds leads each with one new (or existing) contact and company, linked together; answers a bare array.</summary>
    private static Task<HalJsonResult> Complex(HttpContext http, SandboxStore store) =>
        Respond.RunBatch(http, store, ComplexMax, (w, requestId, reader) =>
        {
            var fieldErrors = reader.Errors;
            var lead = (JsonObject)reader.Source.DeepClone();
            var embedded = lead["_embedded"] as JsonObject;
            var contactId = Related(w, CrmKind.Contacts, embedded, "contacts", fieldErrors);
            var companyId = Related(w, CrmKind.Companies, embedded, "companies", fieldErrors);
            embedded?.Remove("contacts");
            embedded?.Remove("companies");
            var leadId = CrmWriter.Save(w, CrmKind.Leads, new ItemReader(lead, string.Empty, fieldErrors), null);
            if (leadId is null || fieldErrors.Count > 0)
            {
                return null;
            }

            if (contactId is { } contact)
            {
                LinkWriter.Link(w, "leads", leadId.Value, "contacts", contact, true);
            }

            if (companyId is { } company)
            {
                LinkWriter.Link(w, "leads", leadId.Value, "companies", company, false);
                if (contactId is { } linkedContact)
                {
                    LinkWriter.Link(w, "contacts", linkedContact, "companies", company, false);
                }
            }

            return new JsonObject
            {
                ["id"] = leadId.Value,
                ["contact_id"] = contactId,
                ["company_id"] = companyId,
                ["request_id"] = new JsonArray(requestId),
                ["merged"] = false,
            };
        },
        (_, results) => Kommo.Json(results));

    /// <summary>The first <c>_embedded.{key}</c> item: an existing one by id, or a new one created from its fields.</summary>
    private static long? Related(WriteContext w, CrmKind kind, JsonObject? embedded, string key, List<FieldError> errors)
    {
        if (embedded?[key] is not JsonArray array || array.Count == 0)
        {
            return null;
        }

        var path = $"_embedded.{key}.0";
        if (array.Count > 1)
        {
            errors.Add(new FieldError("Count", $"_embedded.{key}", "This collection should contain 1 element or less."));
            return null;
        }

        if (array[0] is not JsonObject item)
        {
            errors.Add(FieldError.Type(path, "object"));
            return null;
        }

        if (item["id"] is { } idNode)
        {
            if (CustomFieldValues.TryLong(idNode, out var id) && CrmRepository.Exists(w.C, w.Tx, kind, id))
            {
                return id;
            }

            errors.Add(FieldError.Choice(path + ".id"));
            return null;
        }

        return CrmWriter.Save(w, kind, new ItemReader(item, path + ".", errors), null);
    }
}
