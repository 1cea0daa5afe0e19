namespace KommoWidgetKit.Sandbox.Endpoints;

/// <summary><c>GET /api/v4/account</c> with the <c>with=</c> extras Kommo documents.</summary>
internal static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder api) => api.MapGet("/account", Get);

    private static HalJsonResult Get(HttpContext http, SandboxStore store)
    {
        var request = ListRequest.Parse(http, [], out _);
        var ctx = store.Context(http);
        return Kommo.Hal(store.Database.Read((c, tx) => AccountRepository.Account(c, tx, ctx, store.Options, request?.With ?? [])));
    }
}
