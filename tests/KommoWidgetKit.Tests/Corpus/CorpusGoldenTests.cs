using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Corpus;

/// <summary>Every real widget of the shared corpus loads and validates without an exception; its findings are pinned.</summary>
public class CorpusGoldenTests
{
    /// <summary>One row per corpus widget; one placeholder row (which skips, or fails in CI) when the corpus is absent.</summary>
    public static TheoryData<string> Widgets() => RepoPaths.CorpusWidgets();

    [SkippableFact]
    public void The_corpus_is_present()
    {
        RepoPaths.RequireCorpus();
        Assert.True(Widgets().Count >= 8);
    }

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Findings_match_the_golden_file(string name)
    {
        var widget = WidgetLoader.Load(Path.Combine(RepoPaths.RequireCorpus(), name, "widget"));
        var result = WidgetValidator.Validate(widget);
        var text = new StringBuilder();
        text.Append($"# {name}: platform {result.Platform.ToString().ToLowerInvariant()}, profile {result.Profile.ToString().ToLowerInvariant()}\n");
        foreach (var d in result.Diagnostics)
            text.Append($"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}\n");
        var golden = RepoPaths.Combine("tests", "KommoWidgetKit.Tests", "Corpus", "golden", name + ".txt");
        if (RepoPaths.UpdateGolden)
        {
            File.WriteAllText(golden, text.ToString());
            return;
        }
        Assert.True(File.Exists(golden), $"no golden file for {name}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), text.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Public_profile_and_both_platforms_run_without_exceptions(string name)
    {
        var widget = WidgetLoader.Load(Path.Combine(RepoPaths.RequireCorpus(), name, "widget"));
        foreach (var platform in new[] { Model.WidgetPlatform.Kommo, Model.WidgetPlatform.AmoCrm })
        {
            var result = WidgetValidator.Validate(widget, new ValidationOptions { Platform = platform, Profile = Model.WidgetProfile.Public });
            Assert.Equal(platform, result.Platform);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Widgets_without_errors_pack_and_the_archive_loads_back_with_the_same_findings(string name)
    {
        var widget = WidgetLoader.Load(Path.Combine(RepoPaths.RequireCorpus(), name, "widget"));
        var result = WidgetValidator.Validate(widget);
        if (result.HasErrors) return; // pack refuses these; the golden file pins why
        using var zip = new MemoryStream();
        var packed = KommoWidgetKit.Packaging.WidgetPacker.Pack(widget, null, zip);
        Assert.NotEmpty(packed.Files);
        zip.Position = 0;
        var reloaded = WidgetLoader.LoadZip(zip, name + ".zip");
        Assert.Equal(packed.Files.Select(f => f.Path), reloaded.Files.Select(f => f.Path));
        static IEnumerable<string> Keys(ValidationResult r) => r.Diagnostics.Select(d => $"{d.Span} {d.Id}");
        Assert.Equal(Keys(result), Keys(WidgetValidator.Validate(reloaded)));
    }

    [SkippableFact]
    public void Kommos_own_birthday_widget_has_no_error_beyond_the_missing_code_files()
    {
        var widget = WidgetLoader.Load(Path.Combine(RepoPaths.RequireCorpus(), "kommo-crm-birthday-widget", "widget"));
        var errors = WidgetValidator.Validate(widget).Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        // The corpus copy has no script.js, templates or CSS; findings caused by that absence are not about the widget.
        var real = errors.Where(d => !d.Span.Path.EndsWith(".js") && !d.Span.Path.EndsWith(".twig") && !d.Span.Path.EndsWith(".css")).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real.Select(d => $"{d.Span}: {d.Id} {d.Message}")));
    }
}
