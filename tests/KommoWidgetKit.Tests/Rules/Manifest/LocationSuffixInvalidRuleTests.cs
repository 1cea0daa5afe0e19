using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationSuffixInvalidRuleTests
{
    [Theory]
    [InlineData("everywhere-1")]
    [InlineData("settings-0")]
    [InlineData("lcard-2")]
    public void Impossible_suffix_is_reported_at_the_entry(string location)
    {
        var d = FindingAssert.Single(ManifestRuleTestKit.WithLocations("settings", location), RuleIds.LocationSuffixInvalid, 13, 29);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
    }

    [Fact]
    public void Valid_suffixes_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationSuffixInvalid);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("lcard-0", "tlist-1", "everywhere", "card_sdk"), RuleIds.LocationSuffixInvalid);
    }

    [Fact]
    public void Fix_drops_a_suffix_the_area_takes_none_of()
    {
        var result = FixAssert.Fixes(ManifestRuleTestKit.WithLocations("lcard-1", "everywhere-1"), RuleIds.LocationSuffixInvalid);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.Text(ManifestRuleTestKit.WithLocations("lcard-1", "everywhere"), "manifest.json"));
    }

    [Theory]
    [InlineData("settings-0")]
    [InlineData("lcard-2")]
    [InlineData("lcard-10")]
    public void Other_invalid_suffixes_get_no_fix(string location)
    {
        var d = Assert.Single(ManifestRuleTestKit.WithLocations("settings", location).Findings(RuleIds.LocationSuffixInvalid));
        // settings-0 (forbidden suffix) is fixed like everywhere-1; -2 on a card has two candidates, so no fix.
        if (location == "settings-0") Assert.NotNull(d.Fix);
        else Assert.Null(d.Fix);
    }
}
