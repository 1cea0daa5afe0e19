namespace KommoWidgetKit.DevHost.Endpoints;

/// <summary>Server-sent events that tell open pages the widget changed (<c>/__kommo/events</c>).</summary>
internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app, DevHostContext context)
    {
        app.MapGet("/__kommo/events", async (HttpContext http) =>
        {
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            var channel = context.Hub.Subscribe();
            try
            {
                await http.Response.WriteAsync($"event: hello\ndata: {context.Widget.Generation}\n\n", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                while (await channel.Reader.WaitToReadAsync(http.RequestAborted))
                {
                    while (channel.Reader.TryRead(out var frame))
                    {
                        await http.Response.WriteAsync(frame, http.RequestAborted);
                    }
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away.
            }
            finally
            {
                context.Hub.Unsubscribe(channel);
            }
        });
        return app;
    }
}
