using System.CommandLine;

namespace KommoWidgetKit.Cli;

/// <summary>Parses and runs a command tree the same way in <c>kommo-widget</c> and <c>kommo-widget-dev</c>: usage errors
/// are one line and exit 2, anything unexpected is an internal error (exit 3). Compiled into both executables.</summary>
internal static class CliInvocation
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/> with the given writers.</summary>
    public static async Task<int> ExecuteAsync(Command root, string[] args, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, InvocationConfiguration, Task<int>> invoke)
    {
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(ex, CliParseErrors.CommandPath(parse.CommandResult.Command), stderr);
        }
    }

    /// <summary>Runs a command that was not parsed by System.CommandLine (<see cref="CliApp"/>'s fast path), ending it
    /// the same way: a usage error is one line and exit 2, anything unexpected an internal error (exit 3).</summary>
    public static int Guarded(Func<int> run, string commandPath, TextWriter stderr)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(ex, commandPath, stderr);
        }
    }

    private static int Failed(Exception ex, string commandPath, TextWriter stderr)
    {
        switch (Unwrap(ex))
        {
            case UsageException usage:
                CliParseErrors.WriteUsageError(stderr, commandPath, usage.Message);
                return ExitCodes.UsageError;
            case KommoWidgetKit.Loading.WidgetLoadException load:
                // A file read again later (deferred content) that changed meanwhile, possibly on a worker thread.
                CliParseErrors.WriteUsageError(stderr, commandPath, load.Message);
                return ExitCodes.UsageError;
            default:
                stderr.WriteLine("internal error: " + ex.Message);
                stderr.WriteLine("This is a bug in kommo-widget; please report it with the command you ran.");
                return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: 1 } aggregate) ex = aggregate.InnerExceptions[0];
        return ex;
    }

    /// <summary>Runs synchronously (<see cref="ParseResult.Invoke"/>).</summary>
    public static int Run(Command root, string[] args, TextWriter stdout, TextWriter stderr) =>
        ExecuteAsync(root, args, stdout, stderr, (parse, config) => Task.FromResult(parse.Invoke(config))).GetAwaiter().GetResult();

    /// <summary>Runs asynchronously; cancelling <paramref name="ct"/> stops the command as Ctrl+C does.</summary>
    public static Task<int> RunAsync(Command root, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        ExecuteAsync(root, args, stdout, stderr, (parse, config) => parse.InvokeAsync(config, ct));
}
