namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/companies</c>: list (<c>with=contacts,leads,customers,catalog_elements</c>), get, add, update.</summary>
internal static class CompaniesEndpoints
{
    public static void MapCompanies(this IEndpointRouteBuilder api) => api.MapCrmEntity(CrmKind.Companies);
}
