using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class VersionMissingRuleTests
{
    [Fact]
    public void Missing_version_is_reported_at_the_widget_object()
    {
        var w = TestWidget.Valid().EditManifest("    \"version\": \"1.0.0\",\n", "");
        var d = FindingAssert.Single(w, RuleIds.VersionMissing, 2, 13);
        Assert.Equal("/widget", d.Span.JsonPointer);
    }

    [Fact]
    public void Present_version_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.VersionMissing);
}
