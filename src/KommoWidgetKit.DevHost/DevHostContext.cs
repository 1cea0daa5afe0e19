using KommoWidgetKit.Building;
using KommoWidgetKit.DevHost.State;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost;

/// <summary>Everything one running host shares: options, the current widget snapshot, the store and the sample data.</summary>
internal sealed class DevHostContext
{
    private readonly object _gate = new();
    private WidgetSnapshot _widget;
    private long _generation;
    private IReadOnlyList<HostDiagnostic> _buildProblems = [];
    private (long Generation, SourceLocator Locator)? _locator;

    /// <param name="options">The options; for a source project, <see cref="DevHostOptions.WidgetPath"/> is its output folder.</param>
    /// <param name="project">The source project the widget is built from, or null for a widget folder or zip.</param>
    /// <param name="buildProblems">The errors of the build before the start, shown with the findings.</param>
    public DevHostContext(DevHostOptions options, WidgetProject? project = null, IReadOnlyList<HostDiagnostic>? buildProblems = null)
    {
        Options = options;
        Project = project;
        WidgetPath = Path.GetFullPath(options.WidgetPath);
        _buildProblems = buildProblems ?? [];
        _widget = WithBuild(WidgetSource.Load(WidgetPath, options.Code, 0));
        // A source project keeps its state beside its sources: rebuilding or deleting dist/ must not forget settings.
        Store = new HostStore(HostStore.PathFor(project?.Root ?? WidgetPath));
        if (options.Reset)
        {
            Store.Reset();
        }
        Secret = Store.GetOrCreateSecret();
    }

    public DevHostOptions Options { get; }

    /// <summary>The source project the widget is built from (src/, widget/ → dist/), or null.</summary>
    public WidgetProject? Project { get; }

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
            var next = WithBuild(WidgetSource.Load(WidgetPath, Options.Code ?? _widget.Code, _generation));
            _widget = next;
            return next;
        }
    }

    /// <summary>Sets the errors of the last build of the source project (empty after a build that passed); they come
    /// first among the findings of every snapshot from the next <see cref="Reload"/> on.</summary>
    public void SetBuildProblems(IReadOnlyList<HostDiagnostic> problems)
    {
        lock (_gate)
        {
            _buildProblems = problems;
        }
    }

    /// <summary>Whether the last build of the source project failed.</summary>
    public bool HasBuildProblems
    {
        get { lock (_gate) { return _buildProblems.Count > 0; } }
    }

    /// <summary>The place in the sources of a position in one of the widget's scripts, through its source map (a build's
    /// script.js.map, or a webpack/Vite output's own maps); null when there is no map or it says nothing there.</summary>
    public MappedPosition? MapSource(string file, int line, int column) => Locator().Map(file, line, column);

    private SourceLocator Locator()
    {
        lock (_gate)
        {
            var widget = _widget;
            if (_locator is { } cached && cached.Generation == widget.Generation) return cached.Locator;
            var locator = new SourceLocator(path => widget.TryGetFile(path, out var content) ? content : null,
                Directory.Exists(WidgetPath) ? WidgetPath : null, Project?.Root ?? Environment.CurrentDirectory);
            _locator = (widget.Generation, locator);
            return locator;
        }
    }

    // The build's errors first; for a source project, findings are named where they are edited (src/…, widget/…).
    private WidgetSnapshot WithBuild(WidgetSnapshot snapshot)
    {
        IReadOnlyList<HostDiagnostic> findings = snapshot.Diagnostics;
        if (Project is { } project)
        {
            var places = new ProjectFindings(project, path => snapshot.TryGetFile(path, out var content) ? content : null);
            findings = findings.Select(d =>
            {
                if (d.Path is null) return d;
                var span = places.Relocate(new Diagnostics.SourceSpan(d.Path, d.Line, d.Column, d.Line, d.Column));
                return d with { Path = span.Path, Line = span.StartLine, Column = span.StartColumn };
            }).ToList();
        }
        if (_buildProblems.Count == 0 && ReferenceEquals(findings, snapshot.Diagnostics)) return snapshot;
        return snapshot with { Diagnostics = [.. _buildProblems, .. findings] };
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
