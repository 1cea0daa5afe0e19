using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationSuffixMissingRuleTests
{
    [Fact]
    public void Bare_card_and_list_areas_are_reported_and_say_kommo_defaults_to_1()
    {
        var w = ManifestRuleTestKit.WithLocations("settings", "lcard", "llist");
        var found = w.Findings(RuleIds.LocationSuffixMissing);
        Assert.Equal([(13, 29, "/locations/1"), (13, 38, "/locations/2")], found.Select(d => (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        Assert.Contains("\"lcard-1\"", found[0].Message);
    }

    [Fact]
    public void Suffixed_and_bare_non_card_areas_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationSuffixMissing);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("lcard-0", "ccard-1", "everywhere", "settings"), RuleIds.LocationSuffixMissing);
    }

    private static string Locations(params string[] locations) =>
        FixAssert.Text(ManifestRuleTestKit.WithLocations(locations), "manifest.json");

    [Fact]
    public void Fix_writes_the_suffix_kommo_assumes()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("settings", "lcard", "llist"), RuleIds.LocationSuffixMissing);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("settings", "lcard-1", "llist-1"));
        Assert.Equal([1, 1], FixAssert.Passes(result, RuleIds.LocationSuffixMissing));
    }

    [Fact]
    public void Fix_that_repeats_an_entry_is_followed_by_the_duplicate_fix()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("lcard-1", "settings", "lcard"), RuleIds.LocationSuffixMissing);
        FixAssert.OnlyChanged(result, "manifest.json", Locations("lcard-1", "settings"));
        Assert.Equal([(RuleIds.LocationSuffixMissing, 1), (RuleIds.LocationDuplicate, 2)], result.Applied.Select(a => (a.Finding.Id, a.Pass)));
    }
}
