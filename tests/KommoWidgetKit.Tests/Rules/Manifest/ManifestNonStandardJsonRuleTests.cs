using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestNonStandardJsonRuleTests
{
    [Fact]
    public void Comments_and_trailing_commas_are_reported_where_they_are()
    {
        var w = TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"],", "// where\n  \"locations\": [\"lcard-1\", \"settings\",],");
        var found = w.Findings(RuleIds.ManifestNonStandardJson);
        Assert.Equal(2, found.Count);
        Assert.Equal((13, 3), (found[0].Span.StartLine, found[0].Span.StartColumn));
        Assert.Equal((14, 38), (found[1].Span.StartLine, found[1].Span.StartColumn));
        Assert.All(found, d => Assert.Equal(("manifest.json", Severity.Error), (d.Span.Path, d.Severity)));
    }

    [Fact]
    public void Strict_json_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestNonStandardJson);
}
