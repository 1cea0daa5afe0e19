using KommoWidgetKit.Sandbox.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace KommoWidgetKit.Sandbox;

/// <summary>Registers the sandbox Kommo API services and maps its endpoints under <c>/api/v4</c>.</summary>
public static class SandboxApiExtensions
{
    /// <summary>Registers <paramref name="options"/> and a singleton <see cref="SandboxStore"/> (opened on first use).</summary>
    public static IServiceCollection AddKommoSandboxApi(this IServiceCollection services, SandboxApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(_ => new SandboxStore(options));
        return services;
    }

    /// <summary>
    /// Opens the store (creating and seeding the database if needed) and maps every <c>/api/v4</c> route behind the
    /// token check; unknown routes under <c>/api/v4</c> answer Kommo's 404 problem.
    /// </summary>
    public static IEndpointRouteBuilder MapKommoSandboxApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var store = endpoints.ServiceProvider.GetRequiredService<SandboxStore>();
        var api = endpoints.MapGroup("/api/v4");
        api.AddEndpointFilter(Respond.AuthFilter);

        api.MapAccount();
        api.MapUsers();
        api.MapPipelines();
        api.MapLeads();
        api.MapContacts();
        api.MapCompanies();
        api.MapCustomers(store.Options);
        api.MapTasks();
        api.MapWidgets();
        foreach (var kind in CrmKind.All)
        {
            api.MapNotes(kind);
            api.MapCustomFields(kind);
            api.MapTags(kind);
            api.MapLinks(kind);
        }

        api.Map("/{**path}", (HttpContext http) =>
            Kommo.NotFound($"Cannot {http.Request.Method} {ApiContext.Origin(http.Request)}{http.Request.Path}{http.Request.QueryString}"));
        return endpoints;
    }

    /// <summary>The effective bearer token of the sandbox API registered in <paramref name="services"/>.</summary>
    public static string GetKommoSandboxApiToken(this IServiceProvider services) =>
        services.GetRequiredService<SandboxStore>().ApiToken;
}
