using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class TourIsTourRuleTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    public void Anything_but_true_is_reported_at_the_value(string value)
    {
        var w = TestWidget.Valid().EditManifest("\"is_tour\": true", "\"is_tour\": " + value);
        var d = FindingAssert.Single(w, RuleIds.TourIsTour, 15, 16);
        Assert.Equal("/tour/is_tour", d.Span.JsonPointer);
        FindingAssert.None(w, RuleIds.ManifestWrongType);
    }

    [Fact]
    public void True_or_absent_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.TourIsTour);
        FindingAssert.None(TestWidget.Valid().EditManifest("    \"is_tour\": true,\n", ""), RuleIds.TourIsTour);
    }
}
