using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationDuplicateRuleTests
{
    [Fact]
    public void Second_occurrence_is_reported()
    {
        var d = FindingAssert.Single(ManifestRuleTestKit.WithLocations("settings", "lcard-1", "settings"), RuleIds.LocationDuplicate, 13, 40);
        Assert.Equal("/locations/2", d.Span.JsonPointer);
    }

    [Fact]
    public void Distinct_locations_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.LocationDuplicate);

    private static string Locations(params string[] locations) =>
        FixAssert.Text(ManifestRuleTestKit.WithLocations(locations), "manifest.json");

    [Fact]
    public void Fix_removes_the_repeated_last_entry_with_its_comma()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("settings", "lcard-1", "settings"), RuleIds.LocationDuplicate);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("settings", "lcard-1"));
    }

    [Fact]
    public void Fix_removes_a_repeated_entry_in_the_middle()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("settings", "settings", "lcard-1"), RuleIds.LocationDuplicate);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("settings", "lcard-1"));
    }

    [Fact]
    public void Fix_of_three_copies_keeps_the_first()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("settings", "lcard-1", "settings", "settings"), RuleIds.LocationDuplicate);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("settings", "lcard-1"));
        // The last two touch (each removal reaches the other), so the second goes in the next round.
        Assert.Equal([1, 2], FixAssert.Passes(result, RuleIds.LocationDuplicate));
    }

    [Fact]
    public void Fix_of_three_copies_apart_from_each_other()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("lcard-1", "settings", "lcard-1", "everywhere", "lcard-1", "settings"), RuleIds.LocationDuplicate);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("lcard-1", "settings", "everywhere"));
    }

    private const string OneLineArray = "\"locations\": [\"lcard-1\", \"settings\"]";

    private const string Listed = "\"locations\": [\n    \"lcard-1\",\n    \"lcard-1\",\n    \"settings\",\n    \"lcard-1\"\n  ]";

    private const string ListedFixed = "\"locations\": [\n    \"lcard-1\",\n    \"settings\"\n  ]";

    [Fact]
    public void Fix_of_an_array_over_several_lines_removes_whole_lines()
    {
        var result = FixAssert.Fixes(TestWidget.Valid().EditManifest(OneLineArray, Listed), RuleIds.LocationDuplicate);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, OneLineArray, ListedFixed));
        Assert.Equal([1, 1], FixAssert.Passes(result, RuleIds.LocationDuplicate));
    }

    [Fact]
    public void Fix_keeps_crlf_and_tabs()
    {
        string before = Crlf(Tabs(FixAssert.ReplaceOnce(TestWidget.ValidManifest, OneLineArray, Listed)));
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", Bytes(before)), RuleIds.LocationDuplicate, FixAssert.Only(false, RuleIds.LocationDuplicate));
        FixAssert.OnlyChanged(result, "manifest.json", Crlf(Tabs(FixAssert.ReplaceOnce(TestWidget.ValidManifest, OneLineArray, ListedFixed))));
    }
}
