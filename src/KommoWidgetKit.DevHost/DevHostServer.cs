using System.Diagnostics;
using System.Net;
using KommoWidgetKit.Building;
using KommoWidgetKit.DevHost.Endpoints;
using KommoWidgetKit.DevHost.State;
using KommoWidgetKit.DevHost.Widget;
using KommoWidgetKit.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KommoWidgetKit.DevHost;

/// <summary>Entry points of <c>kommo-widget dev</c>: build or run the local host that emulates the Kommo interface.</summary>
public static class DevHostServer
{
    /// <summary>Runs the host until <paramref name="ct"/> is cancelled; returns the exit code (0 ok, 2 usage error, written to the log).</summary>
    public static async Task<int> RunAsync(DevHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            await ServeAsync(options, ct);
            return 0;
        }
        catch (DevHostUsageException ex)
        {
            options.Log.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>
    /// Runs the host until <paramref name="ct"/> is cancelled (Ctrl+C in the CLI) or the process gets SIGTERM.
    /// A missing widget, a bad port or a port in use throw <see cref="DevHostUsageException"/> before anything is served.
    /// </summary>
    public static async Task ServeAsync(DevHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.WidgetPath) && !Directory.Exists(options.WidgetPath))
        {
            throw new DevHostUsageException($"'{options.WidgetPath}' does not exist");
        }
        WebApplication app;
        try
        {
            app = Build(options);
        }
        catch (ArgumentException ex)
        {
            throw new DevHostUsageException(ex.Message);
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException ex)
            {
                var ports = options.HttpsPort is { } https ? $"127.0.0.1:{options.Port} or :{https}" : $"127.0.0.1:{options.Port}";
                throw new DevHostUsageException($"cannot listen on {ports}: {FirstLine(ex.Message)} (use --port 0{(options.HttpsPort is null ? "" : " or --https-port 0")} for any free port)");
            }
            var context = app.Services.GetRequiredService<DevHostContext>();
            var address = ListeningAddress(app);
            if (options.Open)
            {
                OpenBrowser(address + "/", options.Log);
            }
            // Ends on the caller's token (Ctrl+C in the CLI) or when the host is told to stop (SIGTERM).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stop below.
            }
            context.Hub.CompleteAll();
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stopping.Token);
            context.Log("[dev] stopped");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    /// <summary>Builds the host (Kestrel on 127.0.0.1:<see cref="DevHostOptions.Port"/>) without starting it.</summary>
    public static WebApplication Build(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"port {options.Port} is out of range", nameof(options));
        }
        if (options.HttpsPort is < 0 or > 65535)
        {
            throw new ArgumentException($"HTTPS port {options.HttpsPort} is out of range", nameof(options));
        }
        if (!File.Exists(options.WidgetPath) && !Directory.Exists(options.WidgetPath))
        {
            throw new ArgumentException($"widget not found: {options.WidgetPath}", nameof(options));
        }
        // A source project (src/, widget/): build it first, then serve its output and build again on every change.
        var project = WidgetProject.Find(options.WidgetPath);
        IReadOnlyList<HostDiagnostic>? buildProblems = null;
        if (project is not null)
        {
            void Log(string line)
            {
                lock (options.Log)
                {
                    options.Log.WriteLine(line);
                }
            }
            var (result, problems) = SourceRebuilder.Build(project, Log, logSetupProblems: false);
            if (result.SetupProblem)
            {
                throw new ArgumentException(string.Join("; ", result.Messages.Select(m => m.Text)));
            }
            buildProblems = problems;
            Directory.CreateDirectory(project.OutputDirectory);
            options = options with
            {
                WidgetPath = project.OutputDirectory,
                Code = options.Code ?? WidgetSource.DefaultCode(project.Root),
            };
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DevHostServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        var context = new DevHostContext(options, project, buildProblems);
        if (options.HttpsPort is not null)
        {
            // Made once and kept beside the settings database, in .kommo/ (never packed).
            context.Https = DevCertificate.LoadOrCreate(Path.GetDirectoryName(context.Store.DatabasePath)!, DateTimeOffset.UtcNow);
            builder.WebHost.UseKestrelHttpsConfiguration();
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            if (options.HttpsPort is { } httpsPort && context.Https is { } https)
            {
                kestrel.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(https.Certificate));
            }
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, HostJsonContext.Default));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(context);
        // The sandbox Kommo API lives in the same SQLite file as the host's settings; --reset starts both over.
        builder.Services.AddKommoSandboxApi(SandboxOptions(context));
        options.ConfigureServices?.Invoke(builder.Services);
        // Records for cards and lists: options.Data, else an IHostData the extra services registered, else the sandbox's.
        if (options.Data is not null)
        {
            builder.Services.AddSingleton(options.Data);
        }
        else
        {
            builder.Services.TryAddSingleton<IHostData>(services => new SandboxHostData(services.GetRequiredService<SandboxStore>()));
        }

        var app = builder.Build();
        context.Sandbox = app.Services.GetRequiredService<SandboxStore>();
        context.Data = app.Services.GetRequiredService<IHostData>();
        var dp = new DigitalPipelineHook(context, context.Sandbox);
        var devSettings = DevSettings.Apply(context);
        app.Use(LoopbackOnly);
        app.Use(KommoCors.Handle);
        app.MapPages(context);
        app.MapAssets();
        app.MapWidgetFiles(context);
        app.MapState(context);
        app.MapServices(context);
        app.MapEvents(context);
        app.MapLoader(context);
        app.MapKommoSandboxApi();
        options.ConfigureApp?.Invoke(app);

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(context, ListeningAddress(app), HttpsAddress(app), devSettings));
        if (options.Watch)
        {
            var watcher = new WidgetWatcher(context, options.WatcherFactory);
            var rebuilder = project is null ? null : new SourceRebuilder(context, project);
            app.Lifetime.ApplicationStopping.Register(() =>
            {
                rebuilder?.Dispose();
                watcher.Dispose();
                context.Hub.CompleteAll();
            });
        }
        else
        {
            app.Lifetime.ApplicationStopping.Register(context.Hub.CompleteAll);
        }
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            dp.Detach();
            dp.DrainAsync().GetAwaiter().GetResult();
        });
        return app;
    }

    /// <summary>The sandbox API token: the option, else <see cref="DevHostOptions.TokenVariable"/>, else null (generated and kept).</summary>
    public static string? ResolveApiToken(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ApiToken))
        {
            return options.ApiToken.Trim();
        }
        return Environment.GetEnvironmentVariable(DevHostOptions.TokenVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment.Trim()
            : null;
    }

    private static SandboxApiOptions SandboxOptions(DevHostContext context)
    {
        var widget = context.Widget;
        return new SandboxApiOptions
        {
            DatabasePath = context.Store.DatabasePath,
            ApiToken = ResolveApiToken(context.Options),
            Seed = context.Options.Seed,
            Reset = context.Options.Reset,
            WidgetCode = widget.Code,
            WidgetVersion = widget.Version,
            WidgetSettings = widget.Settings.Where(f => f.Node is not null)
                .Select(f => new SandboxWidgetSetting(f.Code, f.NameKey ?? "", f.Type is { Length: > 0 } type ? type : "text", f.Required == true)).ToList(),
            WidgetWorksWithDigitalPipeline = widget.Locations.Contains("digital_pipeline"),
            // The pages the host serves carry a per-port cookie with the token, so the widget's own calls need no header.
            IsPageRequest = http => http.Request.Cookies.TryGetValue(DevHostContext.SessionCookie(http), out var value)
                && value is not null && context.Sandbox is not null
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(context.ApiToken)),
        };
    }

    /// <summary>The address the host listens on once started, e.g. <c>http://127.0.0.1:5173</c>.</summary>
    public static string ListeningAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? "http://127.0.0.1";
        return first.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>The HTTPS address once started, e.g. <c>https://localhost:5174</c> (the name the certificate is for), or
    /// null when the host serves HTTP only.</summary>
    public static string? HttpsAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var https = addresses?.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal));
        return https is null ? null : new UriBuilder(https) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);
    }

    internal static void PrintDiagnostics(DevHostContext context, WidgetSnapshot widget)
    {
        if (widget.Diagnostics.Count == 0)
        {
            context.Log("[dev] widget is valid");
            return;
        }
        foreach (var diagnostic in widget.Diagnostics)
        {
            context.Log(diagnostic.ToString());
        }
    }

    private static void PrintBanner(DevHostContext context, string address, string? httpsAddress, string? devSettings)
    {
        var widget = context.Widget;
        context.Log($"Listening on {address}");
        if (httpsAddress is not null && context.Https is { } https)
        {
            context.Log($"Listening on {httpsAddress}");
            context.Log($"  HTTPS certificate for localhost{(https.Created ? ", made now" : "")}: {https.CertificatePath} (SHA-256 {https.Fingerprint})");
            foreach (var hint in https.TrustHints(httpsAddress))
            {
                context.Log(hint);
            }
            context.Log($"  a loader for a real account: kommo-widget loader{(httpsAddress == Packaging.DevLoader.DefaultUrl ? "" : " --url " + httpsAddress)} (docs/loader.md)");
        }
        context.Log($"Widget \"{widget.Code}\" {widget.Version} from {context.WidgetPath}");
        if (context.Project is { } project)
        {
            context.Log($"  built from {project.Root} ({WidgetProject.SourceFolder}/ and {WidgetProject.StaticFolder}/){(context.Options.Watch ? ", built again on every change" : "")}; errors in the page are shown at their place in {WidgetProject.SourceFolder}/");
        }
        context.Log($"  files under {address}{context.WidgetBasePath}/ (self.params.path)");
        context.Log($"  locations: {(widget.Locations.Count == 0 ? "(none)" : string.Join(", ", widget.Locations))}");
        context.Log($"  settings and install state: {context.Store.DatabasePath}");
        if (devSettings is not null)
        {
            context.Log(devSettings);
        }
        context.Log($"  X-Auth-Token dev secret (HS256): {context.Secret}");
        context.Log($"Sandbox Kommo API: {address}/api/v4/ (same database; seed {context.Options.Seed} on first run or --reset)");
        context.Log($"  API token: {context.ApiToken}");
        context.Log($"  curl -H 'Authorization: Bearer {context.ApiToken}' {address}/api/v4/leads");
        context.Log("Pages:");
        foreach (var page in PageEndpoints.Pages(widget.Code, context.Data))
        {
            context.Log($"  {address}{page.Example}  {page.Title}");
        }
        PrintDiagnostics(context, widget);
    }

    private static void OpenBrowser(string url, TextWriter log)
    {
        try
        {
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo("cmd", $"/c start \"\" \"{url}\"") { CreateNoWindow = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", url);
            start.UseShellExecute = false;
            using var process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            log.WriteLine($"[dev] could not open a browser: {ex.Message}");
        }
    }

    // The host answers only to loopback names (no DNS rebinding) and to same-origin writes (no cross-site POSTs).
    private static Task LoopbackOnly(HttpContext http, RequestDelegate next)
    {
        var host = http.Request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return Task.CompletedTask;
        }
        // OPTIONS is a CORS preflight (KommoCors answers it); it changes nothing.
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.Request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
            && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return next(http);
    }
}

/// <summary>A problem with what the host was asked to serve (missing widget, bad or busy port): the CLI's usage error.</summary>
public sealed class DevHostUsageException(string message) : Exception(message);
