namespace KommoWidgetKit.Cli.Commands;

/// <summary>What <c>kommo-widget</c> and its dev host <c>kommo-widget-dev</c> agree on about the <c>dev</c> command.
/// Compiled into both executables.</summary>
internal static class DevCommandInfo
{
    /// <summary>The verb.</summary>
    public const string Name = "dev";

    /// <summary>Its description in <c>kommo-widget --help</c> and <c>kommo-widget dev --help</c>.</summary>
    public const string Description = "Run the widget in an emulated Kommo interface with a sandbox Kommo API (Ctrl+C stops it). " +
        "Settings and data live in PATH/.kommo/dev.db.";

    /// <summary>The dev host executable installed beside <c>kommo-widget</c> (<c>.exe</c> on Windows, or <c>.dll</c> for the
    /// <c>dotnet</c> host). The main CLI runs it as <c>kommo-widget-dev dev ARGS…</c>.</summary>
    public const string HostName = "kommo-widget-dev";

    /// <summary>Full path of the dev host executable or dll to run instead of the one beside <c>kommo-widget</c>.</summary>
    public const string HostVariable = "KOMMO_WIDGET_DEV_HOST";

    /// <summary>Set by <c>kommo-widget</c> for the dev host it starts: its own process id, so the dev host can end with it.</summary>
    public const string ParentVariable = "KOMMO_WIDGET_DEV_PARENT";
}
