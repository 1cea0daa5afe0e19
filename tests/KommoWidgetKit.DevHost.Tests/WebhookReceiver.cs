using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>A real HTTP listener on 127.0.0.1 (port 0) that records every POST body: the widget's own backend.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string ContentType, JsonElement Body)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/dp", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            await receiver._received.Writer.WriteAsync((http.Request.ContentType ?? "", doc.RootElement.Clone()));
            return Results.Text("{\"accepted\":true}", "application/json");
        });
        await app.StartAsync();
        receiver.Url = DevHostServer.ListeningAddress(app) + "/dp";
        return receiver;
    }

    /// <summary>The next body posted, or a timeout.</summary>
    public async Task<(string ContentType, JsonElement Body)> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when nothing more arrives within a short wait.</summary>
    public async Task<bool> QuietAsync()
    {
        await Task.Delay(500);
        return !_received.Reader.TryPeek(out _);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
