using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class WidgetKeyMisplacedRuleTests
{
    [Fact]
    public void Tour_inside_widget_is_reported_at_its_name()
    {
        var w = TestWidget.Valid().EditManifest("    \"version\": \"1.0.0\",\n", "    \"version\": \"1.0.0\",\n    \"tour\": { \"is_tour\": true },\n");
        var d = FindingAssert.Single(w, RuleIds.WidgetKeyMisplaced, 7, 5);
        Assert.Equal("/widget/tour", d.Span.JsonPointer);
    }

    [Fact]
    public void Widget_keys_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.WidgetKeyMisplaced);
}
