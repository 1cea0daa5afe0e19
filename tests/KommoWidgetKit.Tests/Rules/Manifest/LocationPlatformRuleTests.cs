using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationPlatformRuleTests
{
    [Fact]
    public void AmoCrm_only_locations_are_reported_under_kommo_only()
    {
        var w = ManifestRuleTestKit.WithLocations("settings", "amoforms", "personal_page");
        var found = w.Findings(RuleIds.LocationPlatform, platform: WidgetPlatform.Kommo);
        Assert.Equal([(13, 29, "/locations/1"), (13, 41, "/locations/2")], found.Select(d => (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        FindingAssert.None(w, RuleIds.LocationPlatform, platform: WidgetPlatform.AmoCrm);
    }

    [Fact]
    public void Shared_locations_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationPlatform, platform: WidgetPlatform.Kommo);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("everywhere", "cucard-1"), RuleIds.LocationPlatform, platform: WidgetPlatform.Kommo);
    }
}
