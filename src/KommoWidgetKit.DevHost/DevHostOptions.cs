namespace KommoWidgetKit.DevHost;

/// <summary>Options of <c>kommo-widget dev</c>: which widget to host and how.</summary>
public sealed record DevHostOptions
{
    /// <summary>The default port: fixed so bookmarks keep working; 0 picks any free port.</summary>
    public const int DefaultPort = 5173;

    /// <summary>Widget folder or .zip file.</summary>
    public required string WidgetPath { get; init; }

    /// <summary>Port on 127.0.0.1; 0 = any free port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The HTTPS port a loader uploaded to a real account uses by default (<c>kommo-widget loader</c>).</summary>
    public const int DefaultHttpsPort = KommoWidgetKit.Packaging.DevLoader.DefaultHttpsPort;

    /// <summary>Also serve HTTPS on 127.0.0.1 at this port (0 = any free port) with a self-signed certificate for
    /// <c>localhost</c> kept under <c>.kommo/</c>; null = HTTP only.</summary>
    public int? HttpsPort { get; init; }

    /// <summary>Widget code; defaults to the legacy manifest <c>widget.code</c>, else the folder (or zip) name.</summary>
    public string? Code { get; init; }

    /// <summary>Open the default browser on the widget's pages after start.</summary>
    public bool Open { get; init; }

    /// <summary>Name of the environment variable that gives the sandbox API token when <see cref="ApiToken"/> is null.</summary>
    public const string TokenVariable = "KOMMO_WIDGET_DEV_TOKEN";

    /// <summary>Bearer token of the sandbox API (<c>/api/v4</c>), also <c>system().amohash</c>; null = the
    /// <see cref="TokenVariable"/> environment variable, else one generated on the first run and kept in the database.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Seed of the sandbox data; used when the database is seeded (first run or <see cref="Reset"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Start over: forget saved settings, install state and digital pipeline actions, and seed the sandbox data again.</summary>
    public bool Reset { get; init; }

    /// <summary>Watch the widget for changes and push live-reload events (tests may turn it off).</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Account, users and records for cards and lists; null = an <see cref="State.IHostData"/> registered by
    /// <see cref="ConfigureServices"/>, else <see cref="State.SandboxHostData"/> over the sandbox API's store.</summary>
    public State.IHostData? Data { get; init; }

    /// <summary>Extra services registered after the host's own (the sandbox API is always there), before the host is built.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra endpoints mapped after the host's own and the sandbox API's; they get the same loopback rules.</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }

    /// <summary>Makes the OS file watcher (path, filter or null for a folder); tests make it fail as an exhausted inotify does.</summary>
    internal Func<string, string?, FileSystemWatcher>? WatcherFactory { get; init; }

    /// <summary>Where the host writes its terminal output.</summary>
    public TextWriter Log { get; init; } = Console.Out;
}
