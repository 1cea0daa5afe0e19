namespace KommoWidgetKit.Cli;

/// <summary>A problem with the user's input that ends the command with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The writers a command prints to, and whether colour is allowed.</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>True when both writers are the process's own standard output and error (not writers of a test).</summary>
    public bool IsProcessConsole => ProcessStreams.IsProcessWriter(Out) && ProcessStreams.IsProcessWriter(Error);

    /// <summary>True when <paramref name="target"/> is the real standard output or error, that stream is a terminal,
    /// NO_COLOR is not set and TERM is not <c>dumb</c>.</summary>
    public bool ColorAllowed(TextWriter target) =>
        ProcessStreams.IsTerminal(target) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
        Environment.GetEnvironmentVariable("TERM") != "dumb";
}
