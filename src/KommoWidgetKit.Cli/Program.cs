namespace KommoWidgetKit.Cli;

/// <summary>Process entry point of <c>kommo-widget</c>.</summary>
public static class Program
{
    /// <summary>Runs the tool with the process's console.</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
