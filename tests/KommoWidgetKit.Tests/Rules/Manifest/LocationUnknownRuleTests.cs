using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationUnknownRuleTests
{
    [Theory]
    [InlineData("anywhere", "everywhere")]
    [InlineData("advanced-settings", "advanced_settings")]
    [InlineData("lcrd-0", "lcard-0")]
    [InlineData("salesbot", "salesbot_designer")]
    public void Unknown_location_is_reported_with_the_closest_name(string location, string suggestion)
    {
        var w = WithLocations("settings", location);
        var d = FindingAssert.Single(w, RuleIds.LocationUnknown, 13, 29);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
        Assert.Contains($"did you mean \"{suggestion}\"", d.Message);
    }

    [Fact]
    public void Dashboard_location_explains_there_is_none()
    {
        var d = FindingAssert.Single(WithLocations("dashboard-widgets"), RuleIds.LocationUnknown, 13, 17);
        Assert.Contains("everywhere", d.Message);
    }

    [Fact]
    public void Spaces_around_a_known_name_are_reported()
    {
        var d = FindingAssert.Single(WithLocations(" lcard-1"), RuleIds.LocationUnknown, 13, 17);
        Assert.Contains("\"lcard-1\"", d.Message);
    }

    [Fact]
    public void Known_locations_pass_including_suffix_problems_left_to_other_rules()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationUnknown);
        FindingAssert.None(WithLocations("everywhere", "ccard-0", "lcard", "settings-1", "tlist-2", "digital_pipeline", "widget_page"), RuleIds.LocationUnknown);
    }
}
