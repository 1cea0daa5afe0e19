using System.Diagnostics;
using System.Text;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>The tests that read or set <c>KOMMO_WIDGET_DEV_HOST</c> for this whole process run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DevHostLookupCollection
{
    public const string Name = "dev host lookup";
}

/// <summary><c>kommo-widget dev …</c> hands its arguments to the dev host <c>kommo-widget-dev</c> beside it (the build copies
/// it into this test output). The dev command itself is tested in tests/KommoWidgetKit.DevHost.Tests.</summary>
[Collection(DevHostLookupCollection.Name)]
public sealed class DevHandoverTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Dev_help_comes_from_the_dev_host()
    {
        var run = CliFixture.Run("dev", "--help");
        Assert.True(run.ExitCode == ExitCodes.Clean, run.ToString());
        Assert.Contains("kommo-widget dev [<PATH>] [options]", run.Out);
        foreach (var option in new[] { "--port", "--code", "--open", "--api-token", "--seed", "--reset", "--no-watch" })
        {
            Assert.Contains(option, run.Out);
        }
        Assert.Contains("(default: 5173)", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Dev_usage_errors_come_from_the_dev_host_as_the_cli_writes_them()
    {
        string error = CliFixture.Run("dev", _fx.Folder(TestWidget.Valid()), "--port", "70000").AssertUsageError("dev");
        Assert.Contains("--port must be 0 to 65535", error);
    }

    [Fact]
    public void Root_help_still_lists_dev()
    {
        var run = CliFixture.Run("--help");
        Assert.True(run.ExitCode == ExitCodes.Clean, run.ToString());
        Assert.Contains("Run the widget in an emulated Kommo interface", run.Out);
    }

    [Fact]
    public void A_missing_dev_host_is_a_clear_error()
    {
        string missing = Path.Combine(_fx.Root, "nowhere", "kommo-widget-dev.dll");
        string? before = Environment.GetEnvironmentVariable("KOMMO_WIDGET_DEV_HOST");
        Environment.SetEnvironmentVariable("KOMMO_WIDGET_DEV_HOST", missing);
        CliRun run;
        try
        {
            run = CliFixture.Run("dev", _fx.Folder(TestWidget.Valid()));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KOMMO_WIDGET_DEV_HOST", before);
        }
        Assert.True(run.ExitCode == ExitCodes.InternalError, run.ToString());
        Assert.Equal("", run.Out);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, run.ToString());
        Assert.StartsWith("error: the dev host 'kommo-widget-dev' is not installed beside kommo-widget (looked in ", lines[0]);
        Assert.Contains(missing, lines[0]);
        Assert.EndsWith("); reinstall kommo-widget", lines[0]);
        Assert.DoesNotContain("bug", run.Error);
    }

    [Fact]
    public void The_cli_does_not_reference_the_dev_host_aspnet_or_sqlite()
    {
        var names = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("KommoWidgetKit", names);
        foreach (string name in names)
        {
            Assert.False(name.StartsWith("KommoWidgetKit.DevHost", StringComparison.Ordinal), name);
            Assert.False(name.StartsWith("KommoWidgetKit.Sandbox", StringComparison.Ordinal), name);
            Assert.False(name.StartsWith("kommo-widget-dev", StringComparison.Ordinal), name);
            Assert.False(name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), name);
            Assert.False(name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal), name);
            Assert.False(name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase), name);
            Assert.False(name.StartsWith("SQLitePCL", StringComparison.OrdinalIgnoreCase), name);
        }
        // Nor does its framework-dependent install: no ASP.NET Core framework, no SQLite package.
        string config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kommo-widget.runtimeconfig.json"));
        Assert.DoesNotContain("Microsoft.AspNetCore.App", config);
        string deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kommo-widget.deps.json"));
        Assert.DoesNotContain("Sqlite", deps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("KommoWidgetKit.DevHost", deps);
    }

    [Fact]
    public async Task A_real_dev_process_stops_on_sigint_with_exit_0()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string widget = _fx.Folder(TestWidget.Valid());
        string dll = Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll");
        var info = new ProcessStartInfo(CliProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "dev", widget, "--port", "0", "--no-watch" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("KOMMO_WIDGET_DEV_HOST");
        info.Environment.Remove("KOMMO_WIDGET_DEV_TOKEN");

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.StartsWith("Listening on ", StringComparison.Ordinal)) listening.TrySetResult();
        }
        string Output()
        {
            lock (output) return output.ToString();
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(120));
            Assert.True(first == listening.Task, "dev exited before listening:\n" + Output());

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            await exited.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{Output()}");
            Assert.Contains("[dev] stopped", Output());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task The_dev_host_ends_when_kommo_widget_is_killed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        string widget = _fx.Folder(TestWidget.Valid());
        var info = new ProcessStartInfo(CliProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll"), "dev", widget, "--port", "0", "--no-watch" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("KOMMO_WIDGET_DEV_HOST");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Listening on ", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        int child = 0;
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
            // The dev host is kommo-widget's only child.
            string children = await File.ReadAllTextAsync($"/proc/{process.Id}/task/{process.Id}/children");
            child = int.Parse(children.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(), System.Globalization.CultureInfo.InvariantCulture);
            process.Kill(); // SIGKILL: no chance to forward anything
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Directory.Exists($"/proc/{child}") && !IsZombie(child) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.False(Directory.Exists($"/proc/{child}") && !IsZombie(child), $"the dev host {child} still runs after kommo-widget was killed");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            if (child != 0 && Directory.Exists($"/proc/{child}")) try { Process.GetProcessById(child).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
