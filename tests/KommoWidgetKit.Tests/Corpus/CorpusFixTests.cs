using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Corpus;

/// <summary><c>fix</c> on real widgets: never more errors, the result loads, packs where it packed before (or now), and a
/// second run changes nothing. The corpus itself is never written: each widget is copied first.</summary>
public class CorpusFixTests
{
    public static TheoryData<string> Widgets() => RepoPaths.CorpusWidgets();


    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Fix_never_adds_errors_and_the_result_loads_packs_and_is_stable(string name)
    {
        using var temp = new TempFolder();
        string folder = temp.Combine("widget");
        TempFolder.CopyTree(Path.Combine(RepoPaths.RequireCorpus(), name, "widget"), folder);

        foreach (bool withUnsafe in new[] { false, true })
        {
            var widget = WidgetLoader.Load(folder);
            var result = WidgetFixer.Compute(widget, new FixOptions { IncludeUnsafe = withUnsafe });
            Assert.True(result.After.ErrorCount <= result.Before.ErrorCount,
                $"{name}: {result.Before.ErrorCount} errors before, {result.After.ErrorCount} after:\n" +
                string.Join("\n", result.After.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Span} {d.Id} {d.Message}")));
            // Every repaired finding is gone, except where one fix made another finding of its rule (not expected here).
            foreach (var fix in result.Applied)
                Assert.DoesNotContain(result.After.Diagnostics, d => d.Id == fix.Finding.Id && d.Span == fix.Finding.Span && d.Message == fix.Finding.Message);

            WidgetFixer.Write(result);
            var reloaded = WidgetLoader.Load(folder);
            var revalidated = WidgetValidator.Validate(reloaded);
            Assert.Equal(result.After.Diagnostics.Select(d => $"{d.Span} {d.Id} {d.Message}"), revalidated.Diagnostics.Select(d => $"{d.Span} {d.Id} {d.Message}"));

            // Packs when it has no errors left (and it has none left when it had none before).
            if (!result.Before.HasErrors) Assert.False(revalidated.HasErrors);
            if (!revalidated.HasErrors)
            {
                using var zip = new MemoryStream();
                var packed = KommoWidgetKit.Packaging.WidgetPacker.Pack(reloaded, null, zip);
                Assert.NotEmpty(packed.Files);
            }

            var second = WidgetFixer.Compute(reloaded, new FixOptions { IncludeUnsafe = withUnsafe });
            Assert.True(second.Applied.Count == 0, $"{name}: a second run applied {string.Join(", ", second.Applied.Select(a => a.Finding.Id + " " + a.Title))}");
        }
    }
}
