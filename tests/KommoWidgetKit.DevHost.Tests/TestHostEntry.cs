using KommoWidgetKit.DevHost;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>
/// The entry point WebApplicationFactory runs (it needs an assembly with a Main that builds a host).
/// With --widget it also runs the dev host by hand: dotnet KommoWidgetKit.DevHost.Tests.dll --widget DIR [--port N].
/// </summary>
public sealed class TestHostEntry
{
    /// <summary>Options the next WebApplicationFactory host is built with.</summary>
    public static DevHostOptions? NextOptions { get; set; }

    public static async Task<int> Main(string[] args)
    {
        var widget = Arg(args, "--widget");
        if (widget is not null)
        {
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            var port = Arg(args, "--port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : DevHostOptions.DefaultPort;
            return await DevHostServer.RunAsync(new DevHostOptions { WidgetPath = widget, Port = port, Code = Arg(args, "--code") }, cts.Token);
        }
        var options = NextOptions ?? throw new InvalidOperationException("TestHostEntry.NextOptions is not set");
        var app = DevHostServer.Build(options with { Watch = false });
        await app.RunAsync();
        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
