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
