using System.Diagnostics;
using System.Text.Json;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Action;

/// <summary>scripts/action-validate.sh, the validation step of action.yml, run as the action runs it (inputs in INPUT_*
/// variables, GITHUB_OUTPUT set) with the real tool built from this repository on PATH as <c>kommo-widget</c>.</summary>
public sealed class ActionValidateScriptTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed record ScriptRun(int ExitCode, string Out, string Error, string Sarif, string GitHubOutput)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}\n--- GITHUB_OUTPUT\n{GitHubOutput}";
    }

    /// <summary>Runs the script from the repository root with the given INPUT_* values.</summary>
    private ScriptRun Run(params (string Name, string Value)[] inputs)
    {
        // kommo-widget on PATH: a wrapper that runs the CLI built beside the tests.
        string bin = _temp.Combine("bin");
        Directory.CreateDirectory(bin);
        string wrapper = Path.Combine(bin, "kommo-widget");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        string output = _temp.Combine("github_output");
        File.WriteAllText(output, "");
        string sarif = _temp.Combine("reports", "kommo-widget.sarif");
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(RepoPaths.Combine("scripts", "action-validate.sh"));
        psi.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["GITHUB_OUTPUT"] = output;
        psi.Environment["INPUT_SARIF"] = sarif;
        psi.Environment.Remove("KOMMO_WIDGET");
        foreach (var (name, value) in inputs) psi.Environment[name] = value;

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "action-validate.sh did not finish in 2 minutes");
        return new ScriptRun(p.ExitCode, stdout, stderr.Result, sarif, File.ReadAllText(output));
    }

    private static void AssertSarif(ScriptRun run)
    {
        Assert.True(File.Exists(run.Sarif), run.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(run.Sarif));
        var runs = doc.RootElement.GetProperty("runs");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);
        Assert.Equal(1, runs.GetArrayLength());
        Assert.Contains($"sarif-file={run.Sarif}\n", run.GitHubOutput);
    }

    [Fact]
    public void The_sample_passes_and_gets_a_sarif_file()
    {
        var run = Run(("INPUT_PATH", "samples/hello-kommo"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("::error", run.Out);
        AssertSarif(run);
        Assert.Contains("exit-code=0\n", run.GitHubOutput);
    }

    [Fact]
    public void A_broken_widget_fails_with_annotations_and_still_gets_a_sarif_file()
    {
        string folder = TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": 3").WriteTo(_temp.Combine("broken"));
        var run = Run(("INPUT_PATH", folder), ("INPUT_PROFILE", "private"), ("INPUT_PLATFORM", "kommo"));
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.Out.Split('\n'), line => line.StartsWith("::error file=", StringComparison.Ordinal) && line.Contains("KW1006"));
        AssertSarif(run);
        using var doc = JsonDocument.Parse(File.ReadAllText(run.Sarif));
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "KW1006");
        Assert.Contains("exit-code=1\n", run.GitHubOutput);
    }

    [Fact]
    public void Fail_on_warning_fails_on_a_warning_only_widget()
    {
        // KW1010 version-missing is a warning: clean at the default fail-on, a failure at warning.
        string folder = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "").WriteTo(_temp.Combine("warning"));
        var clean = Run(("INPUT_PATH", folder));
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains(clean.Out.Split('\n'), line => line.StartsWith("::warning file=", StringComparison.Ordinal));
        var strict = Run(("INPUT_PATH", folder), ("INPUT_FAIL_ON", "warning"));
        Assert.True(strict.ExitCode == 1, strict.ToString());
        AssertSarif(strict);
    }

    [Fact]
    public void A_usage_error_is_the_steps_result()
    {
        var run = Run(("INPUT_PATH", "samples/hello-kommo"), ("INPUT_PROFILE", "nonsense"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("exit-code=2\n", run.GitHubOutput);
        Assert.DoesNotContain("sarif-file=", run.GitHubOutput);
    }
}
