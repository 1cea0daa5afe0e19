using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LegacyCodeSecretRuleTests
{
    [Fact]
    public void Code_and_secret_key_are_each_reported_at_their_key()
    {
        var w = TestWidget.Valid().EditManifest("    \"version\": \"1.0.0\",\n",
            "    \"version\": \"1.0.0\",\n    \"code\": \"amo_sample_v0\",\n    \"secret_key\": \"0123abcd\",\n");
        var found = w.Findings(RuleIds.LegacyCodeSecret);
        Assert.Equal(2, found.Count);
        Assert.Equal((7, 5, "/widget/code"), (found[0].Span.StartLine, found[0].Span.StartColumn, found[0].Span.JsonPointer));
        Assert.Equal((8, 5, "/widget/secret_key"), (found[1].Span.StartLine, found[1].Span.StartColumn, found[1].Span.JsonPointer));
        Assert.DoesNotContain("0123abcd", found[1].Message);
    }

    [Fact]
    public void Manifest_without_them_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.LegacyCodeSecret);
}
