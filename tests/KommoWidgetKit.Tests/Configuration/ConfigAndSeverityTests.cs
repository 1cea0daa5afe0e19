using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Configuration;

public class ConfigAndSeverityTests
{
    private static TestWidget WithDuplicateKey() =>
        TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n    \"version\": \"1.0.1\",");

    [Fact]
    public void Config_file_turns_a_rule_off_and_changes_severities_by_id_or_name()
    {
        var off = WithDuplicateKey().Set(WidgetConfig.FileName, "{ \"rules\": { \"KW1003\": \"off\" } }");
        Assert.Empty(off.Findings(RuleIds.ManifestDuplicateKey));

        var raised = WithDuplicateKey().Set(WidgetConfig.FileName, "{ \"rules\": { \"manifest-duplicate-key\": \"error\" } }");
        Assert.Equal(Severity.Error, Assert.Single(raised.Findings(RuleIds.ManifestDuplicateKey)).Severity);
    }

    [Fact]
    public void Options_win_over_the_config_file()
    {
        var w = WithDuplicateKey().Set(WidgetConfig.FileName, "{ \"rules\": { \"KW1003\": \"off\" } }");
        var result = WidgetValidator.Validate(w.Load(), new ValidationOptions
        {
            RuleSeverities = new Dictionary<string, Severity> { ["KW1003"] = Severity.Info },
        });
        Assert.Equal(Severity.Info, Assert.Single(result.Diagnostics, d => d.Id == RuleIds.ManifestDuplicateKey).Severity);
    }

    [Fact]
    public void Config_file_sets_platform_and_profile()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"platform\": \"amocrm\", \"profile\": \"public\" }");
        var result = WidgetValidator.Validate(w.Load());
        Assert.Equal((WidgetPlatform.AmoCrm, WidgetProfile.Public), (result.Platform, result.Profile));
    }

    [Fact]
    public void Platform_is_inferred_from_the_ru_locale()
    {
        var w = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"ru\", \"en\"]");
        Assert.Equal(WidgetPlatform.AmoCrm, WidgetValidator.Validate(w.Load()).Platform);
        Assert.Equal(WidgetPlatform.Kommo, WidgetValidator.Validate(TestWidget.Valid().Load()).Platform);
    }

    [Fact]
    public void Mistakes_in_the_config_file_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{\n  \"profile\": \"marketplace\",\n  \"rules\": { \"KW9999\": \"off\", \"KW1003\": \"loud\" },\n  \"colour\": 1\n}");
        var found = w.Findings(RuleIds.ConfigInvalid);
        Assert.Equal([(2, 14), (3, 14), (3, 41), (4, 3)], found.Select(d => (d.Span.StartLine, d.Span.StartColumn)));
        Assert.All(found, d => Assert.Equal(WidgetConfig.FileName, d.Span.Path));
        Assert.Empty(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"rules\": {} }").Findings(RuleIds.ConfigInvalid));
    }

    [Fact]
    public void Broken_config_json_is_reported_not_thrown()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"rules\": ");
        Assert.NotEmpty(w.Findings(RuleIds.ConfigInvalid));
    }

    [Fact]
    public void Findings_are_sorted_and_deduplicated()
    {
        var result = TestWidget.Valid().Set("manifest.json", "{ // a\n \"x\": 1, /* b */ \"x\": 2, }").Validate();
        var keys = result.Diagnostics.Select(d => (d.Span.Path, d.Span.StartLine, d.Span.StartColumn, d.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.StartLine).ThenBy(k => k.StartColumn).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
