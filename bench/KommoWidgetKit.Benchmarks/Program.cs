using BenchmarkDotNet.Running;

namespace KommoWidgetKit.Benchmarks;

/// <summary><c>dotnet run -c Release</c> runs the benchmarks; <c>-- generate DIR</c> writes the large widget for bench/compare.sh.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["generate", var folder])
        {
            long total = LargeWidget.WriteTo(folder);
            Console.WriteLine($"wrote {LargeWidget.Files().Count} files, {total:N0} bytes, to {Path.GetFullPath(folder)}");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
