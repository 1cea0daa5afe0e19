using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class WidgetPagePublicOnlyRuleTests
{
    [Fact]
    public void Widget_page_in_a_private_integration_is_an_info()
    {
        var w = ManifestRuleTestKit.WithLocations("settings", "widget_page");
        var d = FindingAssert.Single(w, RuleIds.WidgetPagePublicOnly, 13, 29, WidgetProfile.Private);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
        FindingAssert.None(w, RuleIds.WidgetPagePublicOnly, WidgetProfile.Public);
    }

    [Fact]
    public void No_widget_page_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.WidgetPagePublicOnly);
}
