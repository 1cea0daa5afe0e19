using KommoWidgetKit.Fixing;
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

    [Theory]
    [InlineData("anywhere", "everywhere")]
    [InlineData("lcrd-0", "lcard-0")]
    [InlineData("lead_card-0", "lcard-0")]
    [InlineData("everywher", "everywhere")]
    public void Unsafe_fix_writes_the_one_close_name(string location, string suggestion)
    {
        var w = WithLocations("settings", location);
        var result = FixAssert.Fixes(w, RuleIds.LocationUnknown, FixAssert.Unsafe);
        FixAssert.OnlyChanged(result, "manifest.json", ManifestText(WithLocations("settings", suggestion)));
        Assert.All(result.Applied, a => Assert.Equal(FixSafety.Unsafe, a.Safety));
    }

    [Theory]
    [InlineData("advanced-settings", "advanced_settings", RuleIds.AdvancedTitleMissing)]
    [InlineData("salesbot", "salesbot_designer", RuleIds.SalesbotBlockInvalid)]
    public void Unsafe_fix_to_a_location_that_needs_a_block_brings_out_the_missing_block(string location, string suggestion, string revealed)
    {
        // The unknown name hid what the location asks for; once it is named right, that finding is the next thing to do.
        var result = WidgetFixer.Compute(WithLocations("settings", location).Load(), FixAssert.Unsafe);
        FixAssert.OnlyChanged(result, "manifest.json", ManifestText(WithLocations("settings", suggestion)));
        Assert.Equal([RuleIds.LocationUnknown], result.Before.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.Id));
        Assert.Equal([revealed], result.After.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.Id));
        FixAssert.Idempotent(result, FixAssert.Unsafe);
    }

    [Fact]
    public void Unsafe_fix_is_not_applied_by_default_and_is_listed_as_not_applied()
    {
        var result = WidgetFixer.Compute(WithLocations("settings", "anywhere").Load());
        Assert.Empty(result.Applied);
        Assert.False(result.HasChanges);
        var d = Assert.Single(result.NotApplied);
        Assert.Equal((RuleIds.LocationUnknown, FixSafety.Unsafe, "Write \"everywhere\""), (d.Id, d.Fix!.Safety, d.Fix.Title));
    }

    [Theory]
    [InlineData("dashboard-widgets")]
    [InlineData("xyz")]
    [InlineData("xcard-1")]
    public void No_fix_without_exactly_one_close_name(string location)
    {
        // "xcard" is one edit from lcard and from ccard; the others are near no name at all.
        var d = Assert.Single(WithLocations("settings", location).Findings(RuleIds.LocationUnknown));
        Assert.Null(d.Fix);
    }

    [Fact]
    public void No_fix_that_would_list_an_area_with_both_suffixes()
    {
        var d = Assert.Single(WithLocations("lcard-1", "lcrd-0").Findings(RuleIds.LocationUnknown));
        Assert.Contains("did you mean \"lcard-0\"", d.Message);
        Assert.Null(d.Fix);
    }
}
