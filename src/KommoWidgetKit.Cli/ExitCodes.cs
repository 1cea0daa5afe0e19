namespace KommoWidgetKit.Cli;

/// <summary>Named exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Success; no findings at or above the failing severity.</summary>
    public const int Clean = 0;
    /// <summary>Findings at or above the failing severity (or the command's work was refused because of them).</summary>
    public const int Findings = 1;
    /// <summary>The command line or its input was wrong.</summary>
    public const int UsageError = 2;
    /// <summary>An unexpected internal error.</summary>
    public const int InternalError = 3;
}
