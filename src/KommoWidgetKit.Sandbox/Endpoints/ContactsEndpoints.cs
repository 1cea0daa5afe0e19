namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/contacts</c>: list (<c>with=leads,customers,catalog_elements</c>), get, add, update.</summary>
internal static class ContactsEndpoints
{
    public static void MapContacts(this IEndpointRouteBuilder api) => api.MapCrmEntity(CrmKind.Contacts);
}
