using System.Diagnostics;
using System.Text;

namespace KommoWidgetKit.Tests.Support;

/// <summary>The CLI as a real child process: <c>dotnet kommo-widget.dll</c> from the test output, with its own standard
/// output and error (pipes, files or a terminal), not writers handed to it in-process.</summary>
public static class CliProcess
{
    /// <summary>kommo-widget.dll in the test output (the build copies it there).</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll");

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH), else <c>dotnet</c> on the PATH.</summary>
    public static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Runs <paramref name="script"/> with bash, where the command <c>kw</c> runs the CLI (so the script can
    /// redirect its streams as a user's shell does), and returns the exit code and what bash's own stdout and stderr
    /// received.</summary>
    public static (int ExitCode, byte[] Out, string Error) Bash(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(Dll), "not in the test output: " + Dll);
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("kw() { \"$KW_HOST\" \"$KW_DLL\" \"$@\"; }\n" + script);
        info.Environment["KW_HOST"] = DotnetHost();
        info.Environment["KW_DLL"] = Dll;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the CLI did not finish in 2 minutes: " + script);
        copy.GetAwaiter().GetResult();
        return (process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
    }

    /// <summary>As <see cref="Bash"/>, with the output read as UTF-8.</summary>
    public static (int ExitCode, string Out, string Error) BashText(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, output, error) = Bash(script, environment);
        return (code, Encoding.UTF8.GetString(output), error);
    }
}
