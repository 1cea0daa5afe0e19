using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SupportMissingRuleTests
{
    private const string SupportLine = "    \"support\": { \"link\": \"https://example.com/support\", \"email\": \"support@example.com\" }\n";

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Missing_support_is_reported_at_the_widget_object(WidgetProfile profile)
    {
        var w = TestWidget.Valid().EditManifest(",\n" + SupportLine, "\n");
        var d = FindingAssert.Single(w, RuleIds.SupportMissing, 2, 13, profile);
        Assert.Equal("/widget", d.Span.JsonPointer);
    }

    [Fact]
    public void Support_without_link_or_email_is_reported_at_the_support_object()
    {
        var w = TestWidget.Valid().EditManifest(SupportLine, "    \"support\": {}\n");
        var d = FindingAssert.Single(w, RuleIds.SupportMissing, 11, 16);
        Assert.Equal("/widget/support", d.Span.JsonPointer);
    }

    [Fact]
    public void Support_with_an_email_only_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.SupportMissing);
        FindingAssert.None(TestWidget.Valid().EditManifest(SupportLine, "    \"support\": { \"email\": \"a@b.io\" }\n"), RuleIds.SupportMissing);
    }
}
