using BenchmarkDotNet.Attributes;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Benchmarks;

/// <summary>Load + validate and pack, for the hello-kommo sample and for the generated large widget.</summary>
[MemoryDiagnoser]
public class WidgetBenchmarks
{
    private string _sample = "";
    private string _large = "";
    private Widget _sampleWidget = null!;
    private Widget _largeWidget = null!;
    private static readonly PackOptions Options = new() { UseSourceDateEpoch = false };

    [GlobalSetup]
    public void Setup()
    {
        _sample = Path.Combine(Paths.RepoRoot, "samples", "hello-kommo");
        _large = Path.Combine(Path.GetTempPath(), "kwk-bench-large-widget");
        LargeWidget.WriteTo(_large);
        _sampleWidget = WidgetLoader.Load(_sample);
        _largeWidget = WidgetLoader.Load(_large);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_large)) Directory.Delete(_large, recursive: true);
    }

    [Benchmark]
    public int LoadValidate_Sample() => WidgetValidator.Validate(WidgetLoader.Load(_sample)).Diagnostics.Count;

    [Benchmark]
    public long Pack_Sample() => WidgetPacker.Pack(_sampleWidget, Options, Stream.Null).ArchiveSize;

    [Benchmark]
    public int LoadValidate_Large() => WidgetValidator.Validate(WidgetLoader.Load(_large)).Diagnostics.Count;

    [Benchmark]
    public long Pack_Large() => WidgetPacker.Pack(_largeWidget, Options, Stream.Null).ArchiveSize;
}

internal static class Paths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}

/// <summary>The pair for the rules' cost: the JavaScript-heavy widget's own scripts parsed by Acornima alone, against the
/// whole validation of the same files (which parses them too). Both start from the same bytes in memory and use all cores
/// the same way (a parallel loop over the files), so the difference is what the rules and the shared facts add.</summary>
[MemoryDiagnoser]
public class ScriptRuleBenchmarks
{
    private KeyValuePair<string, byte[]>[] _files = [];
    private KeyValuePair<string, byte[]>[] _scripts = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = LargeWidget.JsHeavyFiles().Select(f => new KeyValuePair<string, byte[]>(f.Path, f.Content)).ToArray();
        _scripts = _files.Where(f => f.Key.EndsWith(".js", StringComparison.Ordinal)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly_JsHeavy()
    {
        int statements = 0;
        Parallel.For(0, _scripts.Length, i =>
        {
            string text = System.Text.Encoding.UTF8.GetString(_scripts[i].Value);
            var program = new Acornima.Parser(new Acornima.ParserOptions { AllowReturnOutsideFunction = true, AllowHashBang = true })
                .ParseScript(text, _scripts[i].Key);
            Interlocked.Add(ref statements, program.Body.Count);
        });
        return statements;
    }

    /// <summary>The same parse on one thread (for the phase breakdown, not a benchmark).</summary>
    public int ParseOnlySequential()
    {
        int statements = 0;
        foreach (var (path, bytes) in _scripts)
            statements += new Acornima.Parser(new Acornima.ParserOptions { AllowReturnOutsideFunction = true, AllowHashBang = true })
                .ParseScript(System.Text.Encoding.UTF8.GetString(bytes), path).Body.Count;
        return statements;
    }

    [Benchmark]
    public int Validate_JsHeavy() =>
        WidgetValidator.Validate(WidgetLoader.FromFiles(_files), new ValidationOptions { Profile = WidgetProfile.Public }).Diagnostics.Count;
}
