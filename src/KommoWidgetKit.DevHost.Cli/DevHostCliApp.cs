using System.CommandLine;
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
        CliInvocation.Run(CreateRoot(stdout, stderr), args, stdout, stderr);

    /// <summary>Like <see cref="Run"/>; cancelling <paramref name="ct"/> stops the host as Ctrl+C does.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliInvocation.RunAsync(CreateRoot(stdout, stderr), args, stdout, stderr, ct);

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
