namespace KommoWidgetKit.DevHost.Cli;

/// <summary>Process entry point of <c>kommo-widget-dev</c>, which <c>kommo-widget dev ARGS…</c> runs as
/// <c>kommo-widget-dev dev ARGS…</c>.</summary>
public static class Program
{
    /// <summary>Runs the dev host with the process's console.</summary>
    public static int Main(string[] args) => DevHostCliApp.Run(args, Console.Out, Console.Error);
}
