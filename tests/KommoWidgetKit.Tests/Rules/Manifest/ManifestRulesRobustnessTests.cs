using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Rules.Manifest;

/// <summary>Odd manifests must never make a manifest rule throw.</summary>
public class ManifestRulesRobustnessTests
{
    public static TheoryData<string> OddManifests => new()
    {
        "",
        "null",
        "[]",
        "\"widget\"",
        "{}",
        "{ \"widget\": null, \"locations\": null, \"tour\": null, \"settings\": null, \"dp\": null, \"left_menu\": null, \"salesbot_designer\": null }",
        "{ \"widget\": { \"locale\": [null, 1, {}, []], \"support\": [], \"init_once\": 1e999, \"interface_version\": -0.0 }, \"locations\": [null, \"-1\", \"lcard-\", \"-\", \"\", \"lcard-999\", \"x-0-1\"] }",
        "{ \"widget\": { \"name\": \"a.b\", \"locale\": [\"en\", \"en\"] }, \"tour\": { \"is_tour\": null, \"tour_images\": { \"en\": [null, \"\", \"/\", \"./\", \"https://x\"], \"xx\": \"a\" } } }",
        "{ \"settings\": { \"a\": null, \"b\": [], \"c\": { \"type\": null, \"name\": {} } }, \"dp\": { \"settings\": [], \"webhook_url\": 5 } }",
        "{ \"salesbot_designer\": { \"logo\": {}, \"h\": { \"settings\": { \"f\": null, \"g\": { \"type\": [] } } } }, \"locations\": [\"salesbot_designer\", \"sms\", \"mobile_card\", \"widget_page\", \"card_sdk\", \"advanced_settings\", \"digital_pipeline\"] }",
        "{ \"left_menu\": { \"a\": { \"sort\": [], \"submenu\": { \"b\": { \"sort\": null } } }, \"settings\": { \"is_hidden\": 1, \"submenu\": [] }, \"leads\": null }, \"sms\": [], \"mobile\": { \"frame_url\": null }, \"advanced\": { \"title\": 1 } }",
        "{ \"widget\": { \"name\": \"widget\", \"description\": \"<<<>>>&&&\", \"short_description\": \"\\ud83d\\ude00\\ud83d\", \"locale\": [\"en\"] } }",
    };

    [Theory]
    [MemberData(nameof(OddManifests))]
    public void Odd_manifest_never_throws(string manifest)
    {
        var w = ManifestRuleTestKit.WithManifest(manifest);
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
            foreach (var platform in new[] { WidgetPlatform.Kommo, WidgetPlatform.AmoCrm })
                _ = w.Validate(profile, platform);
    }

    [Fact]
    public void Unpaired_surrogate_escape_is_invalid_json_at_the_string_not_a_crash()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\"", "\"version\": \"1.0\\ud83d\"");
        var d = FindingAssert.Single(w, global::KommoWidgetKit.Validation.RuleIds.ManifestInvalidJson, 6, 16);
        Assert.Contains("surrogate", d.Message);
    }

    [Fact]
    public void Wrong_types_everywhere_are_reported_by_KW1004_only_once_each()
    {
        var w = ManifestRuleTestKit.WithManifest("{ \"widget\": { \"name\": 1, \"locale\": \"en\" }, \"locations\": \"settings\", \"settings\": [] }");
        var found = w.Findings(global::KommoWidgetKit.Validation.RuleIds.ManifestWrongType);
        Assert.Equal(["/locations", "/settings", "/widget/locale", "/widget/name"], found.Select(d => d.Span.JsonPointer).Order(StringComparer.Ordinal));
    }
}
