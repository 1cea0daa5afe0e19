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

    /// <summary>Widget code; defaults to the legacy manifest <c>widget.code</c>, else the folder (or zip) name.</summary>
    public string? Code { get; init; }

    /// <summary>Open the default browser on the widget's pages after start.</summary>
    public bool Open { get; init; }

    /// <summary>Long-lived token of the sandbox API (exposed to the sandbox, shown by <c>system().amohash</c>).</summary>
    public string? ApiToken { get; init; }

    /// <summary>Seed of the built-in sample records (cards, lists, users).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Forget saved settings and install state before starting.</summary>
    public bool Reset { get; init; }

    /// <summary>Watch the widget for changes and push live-reload events (tests may turn it off).</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Account, users and records for cards and lists; null = an <see cref="State.IHostData"/> registered by
    /// <see cref="ConfigureServices"/>, else the built-in <see cref="State.SampleHostData"/> from <see cref="Seed"/>.</summary>
    public State.IHostData? Data { get; init; }

    /// <summary>Extra services (e.g. the sandbox API) registered before the host is built.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra endpoints (e.g. the sandbox API) mapped after the host's own; they get the same loopback rules.</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }

    /// <summary>Where the host writes its terminal output.</summary>
    public TextWriter Log { get; init; } = Console.Out;
}
