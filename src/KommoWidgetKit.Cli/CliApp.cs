using System.CommandLine;
using KommoWidgetKit.Cli.Commands;

namespace KommoWidgetKit.Cli;

/// <summary>Builds the command tree and runs it with the given writers (so tests can run it in-process).</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Execute(args, stdout, stderr, (parse, config) => Task.FromResult(parse.Invoke(config))).GetAwaiter().GetResult();

    /// <summary>Like <see cref="Run"/>, for commands that run until stopped (<c>dev</c>): cancelling <paramref name="ct"/>
    /// stops them as Ctrl+C does.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        Execute(args, stdout, stderr, (parse, config) => parse.InvokeAsync(config, ct));

    private static async Task<int> Execute(string[] args, TextWriter stdout, TextWriter stderr, Func<ParseResult, InvocationConfiguration, Task<int>> invoke)
    {
        var root = new RootCommand("kommo-widget: validate, pack, scaffold, inspect and run Kommo (amoCRM) widgets. Run 'kommo-widget COMMAND --help' for a command's options.");
        var console = new CliConsole(stdout, stderr);
        root.Add(ValidateCommand.Create(console));
        root.Add(PackCommand.Create(console));
        root.Add(NewCommand.Create(console));
        root.Add(InfoCommand.Create(console));
        root.Add(DevCommand.Create(console));
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new PrintVersionAction();

        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (CliParseErrors.Any(parse) && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            CliParseErrors.Write(parse, stderr);
            return ExitCodes.UsageError;
        }
        try
        {
            return await invoke(parse, config).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            CliParseErrors.WriteUsageError(stderr, parse.CommandResult.Command, ex.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine("internal error: " + ex.Message);
            stderr.WriteLine("This is a bug in kommo-widget; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>A problem with the user's input that ends the command with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The writers a command prints to, and whether colour is allowed.</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>True when <paramref name="target"/> is the real standard output or error, that stream is a terminal,
    /// NO_COLOR is not set and TERM is not <c>dumb</c>.</summary>
    public bool ColorAllowed(TextWriter target)
    {
        bool terminal = ReferenceEquals(target, Console.Out) ? !Console.IsOutputRedirected
            : ReferenceEquals(target, Console.Error) && !Console.IsErrorRedirected;
        return terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
            Environment.GetEnvironmentVariable("TERM") != "dumb";
    }
}
