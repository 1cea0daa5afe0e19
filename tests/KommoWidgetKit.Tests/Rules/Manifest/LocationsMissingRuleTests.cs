using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationsMissingRuleTests
{
    [Fact]
    public void Missing_locations_is_reported_at_the_root()
    {
        var w = TestWidget.Valid().EditManifest("  \"locations\": [\"lcard-1\", \"settings\"],\n", "");
        var d = FindingAssert.Single(w, RuleIds.LocationsMissing, 1, 1);
        Assert.Equal("", d.Span.JsonPointer);
    }

    [Fact]
    public void Empty_locations_is_reported_at_the_array()
    {
        var d = FindingAssert.Single(ManifestRuleTestKit.WithLocations(), RuleIds.LocationsMissing, 13, 16);
        Assert.Equal("/locations", d.Span.JsonPointer);
    }

    [Fact]
    public void Listed_locations_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.LocationsMissing);
}
