using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestDuplicateKeyRuleTests
{
    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_with_its_pointer()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n    \"version\": \"1.0.1\",");
        var d = FindingAssert.Single(w, RuleIds.ManifestDuplicateKey, 7, 5);
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal("/widget/version", d.Span.JsonPointer);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void Keys_used_once_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestDuplicateKey);
}
