using System.CommandLine;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Cli.Commands;

namespace KommoWidgetKit.DevHost.Cli;

/// <summary><c>kommo-widget dev [PATH]</c>: run the widget in the emulated Kommo interface with the sandbox API. It lives in
/// the dev host executable <c>kommo-widget-dev</c>, which <c>kommo-widget dev</c> hands its arguments to.</summary>
public static class DevCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = CommandInput.WidgetPathArgument();
        // Nullable with the default applied below, so help states the default once, in the description.
        var port = new Option<int?>("--port")
        {
            Description = $"Port on 127.0.0.1; 0 picks any free port (default: {DevHostOptions.DefaultPort})",
            HelpName = "N",
        };
        port.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value <= 65535)
                return value;
            result.AddError($"--port must be 0 to 65535, not '{text}'");
            return 0;
        };
        var httpsPort = new Option<int?>("--https-port")
        {
            Description = $"Also serve HTTPS on 127.0.0.1 at this port, for a loader uploaded to a real account (kommo-widget loader " +
                $"uses {DevHostOptions.DefaultHttpsPort}); 0 picks any free port. The self-signed certificate for localhost is made once, in PATH/.kommo/",
            HelpName = "N",
        };
        httpsPort.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value <= 65535)
                return value;
            result.AddError($"--https-port must be 0 to 65535, not '{text}'");
            return 0;
        };
        var code = new Option<string?>("--code")
        {
            Description = "Widget code the host runs it under (default: the legacy manifest widget.code, else the folder or zip name)",
            HelpName = "CODE",
        };
        var open = new Option<bool>("--open") { Description = "Open the default browser on the host's index page" };
        var token = new Option<string?>("--api-token")
        {
            Description = $"Bearer token of the sandbox API under /api/v4 (default: ${DevHostOptions.TokenVariable}, else one generated on the first run and kept)",
            HelpName = "TOKEN",
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Seed of the sandbox data, used when the database is created or reset (default: 1)",
            HelpName = "N",
        };
        var reset = new Option<bool>("--reset") { Description = "Start over: forget saved settings and install state, and seed the sandbox data again" };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not watch the widget's files (no live reload)" };
        var command = new Command(DevCommandInfo.Name, DevCommandInfo.Description)
        {
            path, port, httpsPort, code, open, token, seed, reset, noWatch,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new DevHostOptions
            {
                WidgetPath = CommandInput.GetPath(parse, path),
                Port = parse.GetValue(port) ?? DevHostOptions.DefaultPort,
                HttpsPort = parse.GetValue(httpsPort),
                Code = parse.GetValue(code) is { Length: > 0 } c ? c : null,
                Open = parse.GetValue(open),
                ApiToken = parse.GetValue(token) is { Length: > 0 } t ? t : null,
                Seed = parse.GetValue(seed) ?? 1,
                Reset = parse.GetValue(reset),
                Watch = !parse.GetValue(noWatch),
                Log = console.Out,
            };
            return await RunAsync(options, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Serves until <paramref name="ct"/> is cancelled and returns 0; a missing widget or a busy port is a
    /// <see cref="UsageException"/> (exit 2). Tests call it on a background task and cancel it.</summary>
    public static async Task<int> RunAsync(DevHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.WidgetPath)) throw new UsageException("the widget path is empty");
        try
        {
            await DevHostServer.ServeAsync(options, ct).ConfigureAwait(false);
        }
        catch (DevHostUsageException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C before the host finished starting.
        }
        return ExitCodes.Clean;
    }
}
