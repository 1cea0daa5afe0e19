using System.Runtime.InteropServices;

namespace KommoWidgetKit.DevHost.Cli;

/// <summary>Process entry point of <c>kommo-widget-dev</c>, which <c>kommo-widget dev ARGS…</c> runs as
/// <c>kommo-widget-dev dev ARGS…</c>.</summary>
public static partial class Program
{
    private static readonly CancellationTokenSource Stop = new();

    // Kept for the life of the process, never disposed: Ctrl+C in a terminal reaches this process and kommo-widget, which
    // forwards it, so a second SIGINT can come after the host has stopped; it must not kill the process (exit 130).
    private static readonly PosixSignalRegistration[] Signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal),
    ];

    /// <summary>Runs the dev host with the process's standard output and error; SIGINT (Ctrl+C) and SIGTERM stop it gracefully, exit 0.</summary>
    public static int Main(string[] args)
    {
        GC.KeepAlive(Signals);
        if (!EndWithParent()) return 0;
        return DevHostCliApp.RunAsync(args, KommoWidgetKit.Cli.ProcessStreams.Out, KommoWidgetKit.Cli.ProcessStreams.Error, Stop.Token).GetAwaiter().GetResult();
    }

    // Started by kommo-widget: ask Linux to send SIGTERM (a graceful stop, handled above) when that process dies, even by
    // SIGKILL, so the host is never left serving on its own. False when the parent is already gone.
    private static bool EndWithParent()
    {
        if (!OperatingSystem.IsLinux()) return true;
        if (!int.TryParse(Environment.GetEnvironmentVariable(KommoWidgetKit.Cli.Commands.DevCommandInfo.ParentVariable),
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parent)) return true;
        const int PrSetPdeathsig = 1, SigTerm = 15;
        if (Prctl(PrSetPdeathsig, SigTerm, 0, 0, 0) != 0) return true;
        // The parent may have died before the request was made.
        return GetParentProcessId() == parent;
    }

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    private static void OnStopSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Stop.Cancel();
    }
}
