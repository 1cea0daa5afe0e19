using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LeftMenuMissingRuleTests
{
    [Fact]
    public void Widget_page_without_left_menu_is_reported_at_the_location()
    {
        var d = FindingAssert.Single(WithLocations("settings", "widget_page"), RuleIds.LeftMenuMissing, 13, 29, WidgetProfile.Public);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
    }

    [Fact]
    public void Left_menu_present_passes() =>
        FindingAssert.None(WithBlocks("\"left_menu\": { \"sec\": { \"title\": \"widget.name\" } }", "settings", "widget_page"), RuleIds.LeftMenuMissing, WidgetProfile.Public);
}
