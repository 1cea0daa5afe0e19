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
}
