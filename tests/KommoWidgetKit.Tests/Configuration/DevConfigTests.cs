using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Configuration;

/// <summary>The <c>dev</c> block of kommo-widget.json: checked like an install from the settings modal, findings where they stand.</summary>
public sealed class DevConfigTests
{
    private static TestWidget WithUsers() => TestWidget.Valid().EditManifest(
        "\"api_key\": { \"name\": \"settings.api_key\", \"type\": \"text\", \"required\": true }",
        "\"api_key\": { \"name\": \"settings.api_key\", \"type\": \"text\", \"required\": true },\n    \"ext\": { \"name\": \"settings.api_key\", \"type\": \"users\" },\n    \"opts\": { \"name\": \"settings.api_key\", \"type\": \"custom\" }");

    [Fact]
    public void A_valid_block_is_read_with_its_values_and_no_findings()
    {
        var w = WithUsers().Set(WidgetConfig.FileName, "{ \"dev\": { \"settings\": { \"api_key\": \"k-1\", \"ext\": { \"9000001\": \"101\" }, \"opts\": { \"a\": [1, true] } }, \"installed\": true } }");
        var result = w.Validate();
        Assert.Empty(w.Findings(RuleIds.ConfigInvalid));
        var dev = Assert.IsType<DevConfig>(result.Config.Dev);
        Assert.True(dev.IsValid);
        Assert.True(dev.Installed);
        Assert.Equal(["api_key", "ext", "opts"], dev.Settings.Select(s => s.Code));
        // A custom value written as an object is kept as its JSON text, as the hidden input would hold it.
        Assert.Equal("{\"api_key\":\"k-1\",\"ext\":{\"9000001\":\"101\"},\"opts\":\"{\\\"a\\\":[1,true]}\"}", dev.SettingsJson(w.Load().Manifest));
    }

    [Fact]
    public void A_missing_required_setting_is_a_finding_at_the_settings_object()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{\n  \"dev\": {\n    \"settings\": { },\n    \"installed\": true\n  }\n}");
        var d = Assert.Single(w.Findings(RuleIds.ConfigInvalid));
        Assert.Equal(WidgetConfig.FileName, d.Span.Path);
        Assert.Equal((3, 17), (d.Span.StartLine, d.Span.StartColumn));
        Assert.Contains("api_key", d.Message);
        Assert.False(w.Validate().Config.Dev!.IsValid);

        // No settings object at all: at the dev block. An empty value: at the value.
        var none = Assert.Single(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"dev\": { } }").Findings(RuleIds.ConfigInvalid));
        Assert.Equal((1, 10), (none.Span.StartLine, none.Span.StartColumn));
        var empty = Assert.Single(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"dev\": { \"settings\": { \"api_key\": \" \" } } }").Findings(RuleIds.ConfigInvalid));
        Assert.Equal((1, 37), (empty.Span.StartLine, empty.Span.StartColumn));
    }

    [Fact]
    public void Required_settings_may_be_left_out_when_the_widget_starts_not_installed()
    {
        var w = TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"dev\": { \"installed\": false } }");
        Assert.Empty(w.Findings(RuleIds.ConfigInvalid));
        Assert.False(w.Validate().Config.Dev!.Installed);
    }

    [Fact]
    public void Unknown_settings_wrong_types_and_unknown_keys_are_findings_where_they_stand()
    {
        var w = WithUsers().Set(WidgetConfig.FileName,
            "{\n  \"dev\": {\n    \"settings\": { \"api_key\": 42, \"nope\": \"x\", \"ext\": \"101\", \"opts\": true },\n    \"installed\": \"yes\",\n    \"colour\": 1\n  }\n}");
        var found = w.Findings(RuleIds.ConfigInvalid);
        Assert.Equal([(3, 30), (3, 34), (3, 54), (3, 69), (4, 18), (5, 5)], found.Select(d => (d.Span.StartLine, d.Span.StartColumn)));
        Assert.Contains("not a setting of manifest.json", found[1].Message);
        Assert.Contains("must be a string", found[0].Message);
        Assert.Contains("user id", found[2].Message);
        Assert.All(found, d => Assert.Equal(WidgetConfig.FileName, d.Span.Path));
    }

    [Fact]
    public void A_dev_block_that_is_not_an_object_is_a_finding_and_other_keys_still_say_dev_is_known()
    {
        var d = Assert.Single(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"dev\": true }").Findings(RuleIds.ConfigInvalid));
        Assert.Equal((1, 10), (d.Span.StartLine, d.Span.StartColumn));
        var unknown = Assert.Single(TestWidget.Valid().Set(WidgetConfig.FileName, "{ \"devv\": {} }").Findings(RuleIds.ConfigInvalid));
        Assert.Contains("dev", unknown.Message);
    }
}
