namespace KommoWidgetKit.Cli;

/// <summary>Process entry point of <c>kommo-widget</c>.</summary>
public static class Program
{
    /// <summary>Runs the tool with the process's standard output and error.</summary>
    public static int Main(string[] args) => CliApp.Run(args, ProcessStreams.Out, ProcessStreams.Error);
}
