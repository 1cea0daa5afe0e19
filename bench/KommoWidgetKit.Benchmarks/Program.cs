using System.Globalization;
using BenchmarkDotNet.Running;

namespace KommoWidgetKit.Benchmarks;

/// <summary><c>dotnet run -c Release</c> runs the benchmarks; <c>-- generate DIR</c> writes the large widget, <c>-- generate-js DIR</c> the JavaScript-heavy one, for bench/compare.sh.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["generate" or "generate-js", var folder])
        {
            var files = args[0] == "generate" ? LargeWidget.Files() : LargeWidget.JsHeavyFiles();
            long total = LargeWidget.WriteTo(folder, files);
            Console.WriteLine($"wrote {files.Count} files, {total:N0} bytes, to {Path.GetFullPath(folder)}");
            return 0;
        }
        if (args is ["phases", ..])
        {
            // CPU time of each phase on the JavaScript-heavy widget, single-threaded, after warm-up: a quick look at where
            // validation spends its time (BenchmarkDotNet's ScriptRuleBenchmarks is the measurement of record).
            var files = LargeWidget.JsHeavyFiles().Select(f => new KeyValuePair<string, byte[]>(f.Path, f.Content)).ToArray();
            var options = new KommoWidgetKit.Validation.ValidationOptions { Profile = KommoWidgetKit.Model.WidgetProfile.Public };
            var bench = new ScriptRuleBenchmarks();
            bench.Setup();
            double Cpu(Action a)
            {
                var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                a();
                return (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            }
            int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
            var totals = new double[4];
            double totalsSeq = 0;
            for (int r = 0; r < rounds + 2; r++)
            {
                double parse = Cpu(() => bench.ParseOnly_JsHeavy());
                double seq = Cpu(() => bench.ParseOnlySequential());
                if (r >= 2) totalsSeq += seq;
                var w = KommoWidgetKit.Loading.WidgetLoader.FromFiles(files);
                double load = Cpu(() => { foreach (var d in w.OwnScripts) _ = d.Program; });
                double facts = Cpu(() => { foreach (var d in w.OwnScripts) _ = d.Callbacks; });
                var w2 = KommoWidgetKit.Loading.WidgetLoader.FromFiles(files);
                double validate = Cpu(() => KommoWidgetKit.Validation.WidgetValidator.Validate(w2, options));
                if (r < 2) continue;
                totals[0] += parse; totals[1] += load; totals[2] += facts; totals[3] += validate;
            }
            Console.WriteLine($"CPU ms per round over {rounds} rounds: parse only {totals[0] / rounds:F1} (sequential {totalsSeq / rounds:F1}); load+parse {totals[1] / rounds:F1}; facts walk {totals[2] / rounds:F1}; full validate {totals[3] / rounds:F1}; validate/parse {totals[3] / totals[0]:F2}");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
