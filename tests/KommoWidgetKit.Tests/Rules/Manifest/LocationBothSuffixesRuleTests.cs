using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationBothSuffixesRuleTests
{
    [Fact]
    public void Second_of_the_pair_is_reported()
    {
        var d = FindingAssert.Single(ManifestRuleTestKit.WithLocations("lcard-0", "settings", "lcard-1"), RuleIds.LocationBothSuffixes, 13, 40);
        Assert.Equal("/locations/2", d.Span.JsonPointer);
        Assert.Contains("lcard-0", d.Message);
    }

    [Fact]
    public void Bare_area_counts_as_1()
    {
        FindingAssert.Single(ManifestRuleTestKit.WithLocations("lcard", "lcard-0"), RuleIds.LocationBothSuffixes, 13, 26);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("lcard", "lcard-1"), RuleIds.LocationBothSuffixes);
    }

    [Fact]
    public void One_suffix_per_area_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationBothSuffixes);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("lcard-1", "ccard-0", "clist-1"), RuleIds.LocationBothSuffixes);
    }
}
