using System.Diagnostics;
using System.Text;

namespace KommoWidgetKit.Building;

/// <summary>Finds Node.js and the project's npm packages, and runs node.</summary>
internal static class NodeTool
{
    /// <summary>The environment variable that names the <c>node</c> executable to use.</summary>
    public const string NodeVariable = "KOMMO_WIDGET_NODE";

    /// <summary>The node executable: the given path, <c>$KOMMO_WIDGET_NODE</c>, else <c>node</c> on PATH; null when none.</summary>
    public static string? FindNode(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return File.Exists(given) ? Path.GetFullPath(given) : null;
        if (Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } fromEnvironment) return File.Exists(fromEnvironment) ? fromEnvironment : null;
        string[] names = OperatingSystem.IsWindows() ? ["node.exe", "node.cmd"] : ["node"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                string candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The folder of an installed npm package as Node resolves it from <paramref name="root"/> (its own
    /// <c>node_modules</c>, then each parent's), or null.</summary>
    public static string? FindPackage(string root, string name)
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "node_modules", name);
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        return null;
    }

    /// <summary>What a process printed and how it ended.</summary>
    public sealed record Run(int ExitCode, string Out, string Error, bool TimedOut);

    /// <summary>Runs node with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, writes
    /// <paramref name="input"/> to its standard input and collects its output.</summary>
    public static Run Execute(string node, IEnumerable<string> arguments, string workingDirectory, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["FORCE_COLOR"] = "0";
        using var process = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n');
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n');
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using (var writer = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
            {
                if (input is not null) writer.Write(input);
            }
        }
        catch (IOException)
        {
            // The process ended before reading its input; its output says why.
        }
        bool timedOut = false;
        using (cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(timeout))
            {
                timedOut = true;
                Kill(process);
            }
            process.WaitForExit();
        }
        cancellationToken.ThrowIfCancellationRequested();
        lock (stdout)
        lock (stderr)
            return new Run(process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
