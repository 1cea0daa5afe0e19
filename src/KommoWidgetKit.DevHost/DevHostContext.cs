using KommoWidgetKit.DevHost.State;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost;

/// <summary>Everything one running host shares: options, the current widget snapshot, the store and the sample data.</summary>
internal sealed class DevHostContext
{
    private readonly object _gate = new();
    private WidgetSnapshot _widget;
    private long _generation;

    public DevHostContext(DevHostOptions options)
    {
        Options = options;
        WidgetPath = Path.GetFullPath(options.WidgetPath);
        _widget = WidgetSource.Load(WidgetPath, options.Code, 0);
        Store = new HostStore(HostStore.PathFor(WidgetPath));
        if (options.Reset)
        {
            Store.Reset();
        }
        Secret = Store.GetOrCreateSecret();
    }

    public DevHostOptions Options { get; }

    public string WidgetPath { get; }

    /// <summary>Set once the host is built (it may come from services the caller registered).</summary>
    public IHostData Data { get; set; } = null!;

    public HostStore Store { get; }

    /// <summary>The sandbox API's store (same SQLite file as <see cref="Store"/>); set once the host is built.</summary>
    public KommoWidgetKit.Sandbox.SandboxStore Sandbox { get; set; } = null!;

    /// <summary>The effective sandbox API token.</summary>
    public string ApiToken => Sandbox.ApiToken;

    /// <summary>Name of the cookie that authorises the emulated pages' own <c>/api/v4</c> calls; per port, because
    /// browsers share cookies between ports of one host name.</summary>
    public static string SessionCookie(HttpContext http) => "kommo_dev_session_" + http.Connection.LocalPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public LiveReloadHub Hub { get; } = new();

    /// <summary>The HTTPS certificate when the host also serves HTTPS (<see cref="DevHostOptions.HttpsPort"/>).</summary>
    public DevCertificate? Https { get; set; }

    public string Secret { get; }

    public WidgetSnapshot Widget
    {
        get { lock (_gate) { return _widget; } }
    }

    /// <summary>The code the widget runs under: fixed at start so saved settings and URLs stay put across reloads.</summary>
    public string Code => Widget.Code;

    /// <summary>The base path of the widget files, as the widget sees it in <c>self.params.path</c>.</summary>
    public string WidgetBasePath => $"/upl/{Code}/widget";

    public WidgetSnapshot Reload()
    {
        lock (_gate)
        {
            _generation++;
            var next = WidgetSource.Load(WidgetPath, Options.Code ?? _widget.Code, _generation);
            _widget = next;
            return next;
        }
    }

    public void Log(string line)
    {
        lock (Options.Log)
        {
            Options.Log.WriteLine(line);
            Options.Log.Flush();
        }
    }
}
