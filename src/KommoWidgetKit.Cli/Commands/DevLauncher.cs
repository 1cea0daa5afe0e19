using System.CommandLine;
using System.CommandLine.Parsing;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget dev ARGS…</c>: hands ARGS, unparsed, to the dev host executable <c>kommo-widget-dev</c> beside this
/// one (run as <c>kommo-widget-dev dev ARGS…</c>) and returns its exit code. The dev host carries ASP.NET Core and SQLite,
/// so the other commands start without them.</summary>
/// <remarks>
/// <para>Lookup: <c>$KOMMO_WIDGET_DEV_HOST</c> (an executable, or a <c>.dll</c> run with the <c>dotnet</c> host), else
/// <c>kommo-widget-dev</c> (<c>.exe</c> on Windows) in <see cref="AppContext.BaseDirectory"/>, else
/// <c>kommo-widget-dev.dll</c> there, run with the <c>dotnet</c> host of this runtime.</para>
/// <para>Streams: with the process's own console the child inherits stdin, stdout and stderr (so colours and the terminal
/// work); with other writers (tests) its output is copied to them line by line.</para>
/// <para>Signals: while the child runs this process ignores SIGINT (the terminal sends Ctrl+C to both) and forwards the
/// SIGINT and SIGTERM it gets to the child; cancelling the token sends the child SIGINT. The dev host stops gracefully
/// and exits 0 on either.</para>
/// </remarks>
public static partial class DevLauncher
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>The <c>dev</c> entry of <c>kommo-widget --help</c>. <see cref="CliApp"/> hands <c>dev …</c> over before
    /// parsing, so this action only runs for command lines that reach <c>dev</c> some other way.</summary>
    public static Command CreateCommand(CliConsole console)
    {
        // The PATH argument only makes the entry read as it always has ("dev <PATH>"); nothing here parses it.
        var command = new Command(DevCommandInfo.Name, DevCommandInfo.Description) { CommandInput.WidgetPathArgument() };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var rest = parse.Tokens.SkipWhile(t => t.Type != TokenType.Command || t.Value != DevCommandInfo.Name).Skip(1);
            return RunAsync([.. rest.Select(t => t.Value)], console, ct);
        });
        return command;
    }

    /// <summary>Runs <c>kommo-widget-dev dev <paramref name="devArgs"/></c> until it exits and returns its exit code; 3 when
    /// the dev host is not installed.</summary>
    public static async Task<int> RunAsync(string[] devArgs, CliConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(devArgs);
        ArgumentNullException.ThrowIfNull(console);
        var host = Locate(out string lookedIn);
        if (host is null)
        {
            console.Error.WriteLine($"error: the dev host '{DevCommandInfo.HostName}' is not installed beside kommo-widget (looked in {lookedIn}); reinstall kommo-widget");
            return ExitCodes.InternalError;
        }

        bool inherit = console.IsProcessConsole;
        var info = new ProcessStartInfo(host.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = !inherit,
            RedirectStandardError = !inherit,
        };
        if (!inherit)
        {
            info.StandardOutputEncoding = info.StandardErrorEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        // The dev host ends itself when this process dies, even by SIGKILL (Linux: PR_SET_PDEATHSIG), instead of being left
        // serving on its own.
        info.Environment[DevCommandInfo.ParentVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string arg in host.LeadingArguments) info.ArgumentList.Add(arg);
        info.ArgumentList.Add(DevCommandInfo.Name);
        foreach (string arg in devArgs) info.ArgumentList.Add(arg);

        using var child = new Process { StartInfo = info };
        // Registered before the start, so a Ctrl+C while the child starts cannot end this process and orphan it.
        using var signals = ForwardSignals(child);
        try
        {
            child.Start();
        }
        catch (Win32Exception ex)
        {
            console.Error.WriteLine($"error: cannot start the dev host '{host.FileName}': {ex.Message}; reinstall kommo-widget");
            return ExitCodes.InternalError;
        }
        Task copying = inherit ? Task.CompletedTask
            : Task.WhenAll(CopyLinesAsync(child.StandardOutput, console.Out), CopyLinesAsync(child.StandardError, console.Error));
        using (ct.Register(() => Signal(child, SigInt)))
        {
            await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await copying.ConfigureAwait(false);
        }
        return child.ExitCode;
    }

    /// <summary>What to start: an executable, or the <c>dotnet</c> host with the dll as its first argument.</summary>
    internal sealed record DevHostStart(string FileName, IReadOnlyList<string> LeadingArguments);

    /// <summary>Finds the dev host; null when it is missing, with where it looked in <paramref name="lookedIn"/>.</summary>
    internal static DevHostStart? Locate(out string lookedIn)
    {
        string? chosen = Environment.GetEnvironmentVariable(DevCommandInfo.HostVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            string full = Path.GetFullPath(chosen);
            lookedIn = $"{full}, from {DevCommandInfo.HostVariable}";
            if (!File.Exists(full)) return null;
            return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new DevHostStart(DotnetHost(), [full]) : new DevHostStart(full, []);
        }

        string folder = AppContext.BaseDirectory;
        lookedIn = Path.TrimEndingDirectorySeparator(folder);
        string exe = Path.Combine(folder, DevCommandInfo.HostName + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (File.Exists(exe)) return new DevHostStart(exe, []);
        string dll = Path.Combine(folder, DevCommandInfo.HostName + ".dll");
        if (File.Exists(dll)) return new DevHostStart(DotnetHost(), [dll]);
        return null;
    }

    /// <summary>The <c>dotnet</c> muxer: <c>$DOTNET_HOST_PATH</c>, else the one of the running runtime's install, else
    /// <c>dotnet</c> on PATH.</summary>
    internal static string DotnetHost()
    {
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        // The runtime directory is ROOT/shared/Microsoft.NETCore.App/VERSION/.
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        if (Path.IsPathFullyQualified(runtime))
        {
            string beside = Path.Combine(Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")), name);
            if (File.Exists(beside)) return beside;
        }
        return name;
    }

    private static async Task CopyLinesAsync(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            to.WriteLine(line);
            to.Flush();
        }
    }

    private static Registrations ForwardSignals(Process child)
    {
        if (OperatingSystem.IsWindows())
        {
            // Ctrl+C reaches every process on the console, the child included; a shutdown ends the child.
            return new Registrations(
                PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Signal(child, SigTerm); }));
        }
        return new Registrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; Signal(child, SigInt); }),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Signal(child, SigTerm); }));
    }

    /// <summary>Sends <paramref name="signal"/> to the child (on Windows, which has no signals to send, ends it).</summary>
    private static void Signal(Process child, int signal)
    {
        try
        {
            if (child.HasExited) return;
            if (OperatingSystem.IsWindows())
            {
                child.Kill(entireProcessTree: true);
            }
            else
            {
                _ = Kill(child.Id, signal);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private sealed class Registrations(params PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
