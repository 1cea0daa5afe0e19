using System.CommandLine;
using System.Runtime.InteropServices;
using KommoWidgetKit.Cli;

namespace KommoWidgetKit.DevHost.Cli;

/// <summary>The command tree of <c>kommo-widget-dev</c>: <c>kommo-widget-dev dev [PATH] [options]</c>, as
/// <c>kommo-widget dev …</c> runs it. The root calls itself <c>kommo-widget</c>, so help and usage errors read as the main
/// CLI's (<c>kommo-widget dev [PATH] [options]</c>, <c>Run 'kommo-widget dev --help' for usage.</c>).</summary>
public static class DevHostCliApp
{
    /// <summary>Parses <paramref name="args"/> (starting with <c>dev</c>), runs the command and returns its exit code;
    /// Ctrl+C or SIGTERM stops the host with exit code 0.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Like <see cref="Run"/>; cancelling <paramref name="ct"/> stops the host as Ctrl+C does.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // SIGINT and SIGTERM stop the host gracefully (exit 0), whenever they come: they are handled here, registered before
        // parsing, instead of by System.CommandLine's process termination handler, which answered a SIGINT sent right
        // after "Listening on" with exit 130 although the host had stopped cleanly.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await CliInvocation.ExecuteAsync(CreateRoot(stdout, stderr), args, stdout, stderr, (parse, config) =>
        {
            config.ProcessTerminationTimeout = null;
            return parse.InvokeAsync(config, stop.Token);
        }).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static Command CreateRoot(TextWriter stdout, TextWriter stderr)
    {
        // Not a RootCommand: that one is named after the executable (kommo-widget-dev).
        var root = new Command("kommo-widget", "kommo-widget-dev: the dev host of kommo-widget. Run 'kommo-widget dev --help' for its options.")
        {
            new System.CommandLine.Help.HelpOption(),
            DevCommand.Create(new CliConsole(stdout, stderr)),
        };
        return root;
    }
}
