using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

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
}
