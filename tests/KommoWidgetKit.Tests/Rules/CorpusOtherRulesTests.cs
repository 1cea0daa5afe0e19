using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules;

/// <summary>The script, i18n, image, template and text-file rules on real widgets (../shared/corpus).</summary>
/// <remarks>The corpus copies left out all code and templates, so KW2000 is expected everywhere and says nothing about the originals.</remarks>
public class CorpusOtherRulesTests
{
    /// <summary>One row per corpus widget; one placeholder row (which skips, or fails in CI) when the corpus is absent.</summary>
    public static TheoryData<string> Widgets() => RepoPaths.CorpusWidgets();

    private static string CorpusRoot() => RepoPaths.RequireCorpus();

    private static IReadOnlyList<Diagnostic> Validate(string name, WidgetProfile profile = WidgetProfile.Private)
    {
        var widget = WidgetLoader.Load(Path.Combine(CorpusRoot(), name, "widget"));
        return WidgetValidator.Validate(widget, new ValidationOptions { Profile = profile }).Diagnostics;
    }

    private static bool IsOurs(string id) =>
        id[2] is '2' or '3' or '4' or '5' || string.CompareOrdinal(id, "KW6005") >= 0 && string.CompareOrdinal(id, "KW6010") <= 0;

    [SkippableFact]
    public void Corpus_has_the_expected_widgets()
    {
        CorpusRoot();
        Assert.True(Widgets().Count >= 8);
    }

    [SkippableTheory]
    [MemberData(nameof(Widgets))]
    public void Script_rules_report_only_the_missing_script_left_out_by_the_copy(string name)
    {
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
        {
            var script = Validate(name, profile).Where(d => d.Id.StartsWith("KW2", StringComparison.Ordinal)).ToList();
            var d = Assert.Single(script);
            Assert.Equal((RuleIds.ScriptMissing, "script.js"), (d.Id, d.Span.Path));
        }
    }

    [SkippableFact]
    public void Bizandsoft_digital_pipeline_without_logo_dp_is_reported_at_the_location()
    {
        var found = Validate("bizandsoft-antizchat-widget-js-widget");
        var d = Assert.Single(found, x => x.Id == RuleIds.LogoDpMissing);
        Assert.Equal(("manifest.json", 30, 3), (d.Span.Path, d.Span.StartLine, d.Span.StartColumn));
        // Its only tour image is 1920×1080.
        Assert.Single(found, x => x.Id == RuleIds.TourImageFormat);
    }

    [SkippableFact]
    public void Kado12_history_empty_i18n_files_are_invalid_json()
    {
        var found = Validate("Kado12-Widget_Kommo-hist-3777a39").Where(d => d.Id == RuleIds.I18nInvalidJson).ToList();
        Assert.Equal(["i18n/en.json", "i18n/es.json"], found.Select(d => d.Span.Path));
        Assert.All(found, d => Assert.Equal((1, 1), (d.Span.StartLine, d.Span.StartColumn)));
    }

    [SkippableFact]
    public void Oarthurdev_history_leftover_text_is_reported_and_the_keys_are_still_checked()
    {
        var path = Path.Combine(CorpusRoot(), "oarthurdev-n8n-kommo-widget-hist-b5ca373", "widget");
        var found = Validate("oarthurdev-n8n-kommo-widget-hist-b5ca373");
        var invalid = found.Where(d => d.Id == RuleIds.I18nInvalidJson).ToList();
        Assert.Equal([("i18n/en.json", 61, 2), ("i18n/pt.json", 62, 5)], invalid.Select(d => (d.Span.Path, d.Span.StartLine, d.Span.StartColumn)));
        var widget = WidgetLoader.Load(path);
        Assert.All(widget.I18n, doc => Assert.NotNull(doc.Root));
        Assert.All(widget.I18n, doc => Assert.IsType<global::KommoWidgetKit.Parsing.Json.JString>(doc.Resolve("widget.name")));
        Assert.DoesNotContain(found, d => d.Id is RuleIds.I18nKeyMissing or RuleIds.I18nStructureMismatch);
    }

    [SkippableFact]
    public void Birthday_widget_has_no_errors_from_these_rules()
    {
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
        {
            var errors = Validate("kommo-crm-birthday-widget", profile).Where(d => IsOurs(d.Id) && d.Severity == Severity.Error);
            Assert.Empty(errors.Select(d => $"{d.Span} {d.Id} {d.Message}"));
        }
    }

    public static TheoryData<string> IntactWidgets() =>
        RepoPaths.CorpusWidgets(name => !name.Contains("-hist-", StringComparison.Ordinal) && !name.StartsWith("bizandsoft", StringComparison.Ordinal));

    [SkippableTheory]
    [MemberData(nameof(IntactWidgets))]
    public void Logos_and_i18n_of_intact_widgets_pass(string name)
    {
        var found = Validate(name).Where(d => d.Id[2] is '3' or '4').Select(d => $"{d.Span} {d.Id} {d.Message}");
        Assert.Empty(found);
    }
}
