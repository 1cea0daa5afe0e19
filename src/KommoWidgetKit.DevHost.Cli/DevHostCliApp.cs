using System.CommandLine;
using KommoWidgetKit.Cli;

namespace KommoWidgetKit.DevHost.Cli;

/// <summary>The command tree of <c>kommo-widget-dev</c>: <c>kommo-widget-dev dev [PATH] [options]</c>, as
/// <c>kommo-widget dev …</c> runs it. The root calls itself <c>kommo-widget</c>, so help and usage errors read as the main
/// CLI's (<c>kommo-widget dev [&lt;PATH&gt;] [options]</c>, <c>Run 'kommo-widget dev --help' for usage.</c>).</summary>
public static class DevHostCliApp
{
    /// <summary>Parses <paramref name="args"/> (starting with <c>dev</c>), runs the command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Like <see cref="Run"/>; cancelling <paramref name="ct"/> stops the host gracefully (exit 0). The process
    /// turns SIGINT and SIGTERM into that cancellation itself (<see cref="Program"/>), so System.CommandLine's termination
    /// handler is off: it answered a SIGINT sent right after "Listening on" with exit 130 although the host had stopped
    /// cleanly.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliInvocation.ExecuteAsync(CreateRoot(stdout, stderr), args, stdout, stderr, (parse, config) =>
        {
            config.ProcessTerminationTimeout = null;
            return parse.InvokeAsync(config, ct);
        });

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
