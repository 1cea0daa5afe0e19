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
}
