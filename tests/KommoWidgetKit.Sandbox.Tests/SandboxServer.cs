using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KommoWidgetKit.Sandbox.Tests;

/// <summary>A real Kestrel server on a loopback port running the sandbox API, with a client that sends the token.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    public const string Token = "test-token-123";

    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, string baseUrl, SandboxApiOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
        Client = NewClient(Token);
    }

    public string BaseUrl { get; }

    public SandboxApiOptions Options { get; }

    public HttpClient Client { get; }

    public SandboxStore Store => _app.Services.GetRequiredService<SandboxStore>();

    public static async Task<SandboxServer> StartAsync(string databasePath, Func<SandboxApiOptions, SandboxApiOptions>? configure = null)
    {
        var options = new SandboxApiOptions
        {
            DatabasePath = databasePath,
            ApiToken = Token,
            WidgetCode = "test_widget",
            WidgetVersion = "1.2.3",
            WidgetSettings =
            [
                new SandboxWidgetSetting("api_key", "settings.api_key", "text", true),
                new SandboxWidgetSetting("password", "settings.password", "pass", false),
            ],
            WidgetWorksWithDigitalPipeline = true,
        };
        options = configure?.Invoke(options) ?? options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddKommoSandboxApi(options);
        var app = builder.Build();
        app.MapKommoSandboxApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, address.TrimEnd('/'), options);
    }

    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Get(string path)
    {
        var response = await Client.GetAsync(path.TrimStart('/'));
        return (response.StatusCode, await Body(response), response);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Post(string path, string json) => Send(HttpMethod.Post, path, json);

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Patch(string path, string json) => Send(HttpMethod.Patch, path, json);

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await Client.SendAsync(request);
        return (response.StatusCode, await Body(response), response);
    }

    public static async Task<JsonNode?> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A temporary folder for one test class's database, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kwk-sandbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Db(string name = "dev.db") => System.IO.Path.Combine(Path, ".kommo", name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One server per test class on its own database; tests in the class share it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync(_folder.Db());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
