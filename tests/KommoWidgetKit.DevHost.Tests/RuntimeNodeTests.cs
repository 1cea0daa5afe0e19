using System.Diagnostics;
using System.Text;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>The runtime's own unit tests (<c>tests/runtime/*.test.mjs</c>: templates, escaping, the description sanitiser,
/// routing, state, the callback lifecycle), run with <c>node --test</c> on the ES modules the host serves, no DOM and no npm
/// packages. Skipped without Node.js, except with <c>CI=true</c>, where it must be there.</summary>
public sealed class RuntimeNodeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [SkippableFact]
    public void Node_tests_of_the_runtime_modules_pass()
    {
        var node = OnPath("node");
        if (node is null)
        {
            if (RepoPaths.IsCi)
            {
                Assert.Fail("node is not installed (CI=true: the runtime's node tests must run in CI; .ci/run installs Node.js)");
            }
            throw new SkipException("node is not installed: the runtime's unit tests need Node.js 20+ (node --test)");
        }
        var files = Directory.GetFiles(RepoPaths.Combine("tests", "runtime"), "*.test.mjs").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 5, "tests/runtime/*.test.mjs not found");

        var psi = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Files rather than a folder: node 20 and 22 read a folder argument differently.
        psi.ArgumentList.Add("--test");
        psi.ArgumentList.Add("--test-reporter=tap");
        foreach (var file in files)
        {
            psi.ArgumentList.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("node --test did not finish in 2 minutes\n" + stdout + stderr);
        }
        p.WaitForExit();
        var tap = stdout.ToString();
        var summary = tap.Split('\n').Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        output.WriteLine(string.Join("\n", summary));
        Assert.True(p.ExitCode == 0, $"node --test exit {p.ExitCode}\n{tap}\n{stderr}");
        Assert.Contains("# fail 0", tap);
        Assert.DoesNotContain("# pass 0", tap);
    }
}
