namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>/api/v4/customers</c>: like contacts; 422 on every route when the host turned customers off.</summary>
internal static class CustomersEndpoints
{
    public static void MapCustomers(this IEndpointRouteBuilder api, SandboxApiOptions options)
    {
        var group = api.MapCrmEntity(CrmKind.Customers);
        if (options.DisableCustomers)
        {
            group.AddEndpointFilter((context, next) => ValueTask.FromResult<object?>(
                Kommo.Problem(StatusCodes.Status422UnprocessableEntity, "Customers are disabled on this account")));
        }
    }
}
