using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LocationLegacyRuleTests
{
    [Fact]
    public void Legacy_locations_are_an_info_under_kommo()
    {
        var w = ManifestRuleTestKit.WithLocations("settings", "cucard-1", "whatsapp_modal");
        var found = w.Findings(RuleIds.LocationLegacy, platform: WidgetPlatform.Kommo);
        Assert.Equal([(13, 29, "/locations/1"), (13, 41, "/locations/2")], found.Select(d => (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        Assert.All(found, d => Assert.Equal(Severity.Info, d.Severity));
        FindingAssert.None(w, RuleIds.LocationLegacy, platform: WidgetPlatform.AmoCrm);
    }

    [Fact]
    public void Current_locations_and_amocrm_only_ones_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.LocationLegacy, platform: WidgetPlatform.Kommo);
        FindingAssert.None(ManifestRuleTestKit.WithLocations("amoforms", "lcard-1"), RuleIds.LocationLegacy, platform: WidgetPlatform.Kommo);
    }
}
