using System.Runtime.InteropServices;

namespace KommoWidgetKit.DevHost.Cli;

/// <summary>Process entry point of <c>kommo-widget-dev</c>, which <c>kommo-widget dev ARGS…</c> runs as
/// <c>kommo-widget-dev dev ARGS…</c>.</summary>
public static class Program
{
    private static readonly CancellationTokenSource Stop = new();

    // Kept for the life of the process, never disposed: Ctrl+C in a terminal reaches this process and kommo-widget, which
    // forwards it, so a second SIGINT can come after the host has stopped; it must not kill the process (exit 130).
    private static readonly PosixSignalRegistration[] Signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal),
    ];

    /// <summary>Runs the dev host with the process's console; SIGINT (Ctrl+C) and SIGTERM stop it gracefully, exit 0.</summary>
    public static int Main(string[] args)
    {
        GC.KeepAlive(Signals);
        return DevHostCliApp.RunAsync(args, Console.Out, Console.Error, Stop.Token).GetAwaiter().GetResult();
    }

    private static void OnStopSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Stop.Cancel();
    }
}
