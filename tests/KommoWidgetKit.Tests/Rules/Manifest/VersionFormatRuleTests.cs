using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class VersionFormatRuleTests
{
    [Theory]
    [InlineData("1.1.")]
    [InlineData("{{VERSION}}")]
    [InlineData("")]
    [InlineData("v1.0")]
    [InlineData("1.0.0-beta")]
    public void Bad_versions_are_reported_at_the_value(string version)
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\"", $"\"version\": \"{version}\"");
        var d = FindingAssert.Single(w, RuleIds.VersionFormat, 6, 16);
        Assert.Equal("/widget/version", d.Span.JsonPointer);
    }

    [Fact]
    public void Placeholder_is_named_as_such()
    {
        var w = TestWidget.Valid().EditManifest("\"version\": \"1.0.0\"", "\"version\": \"{{VERSION}}\"");
        Assert.Contains("placeholder", Assert.Single(w.Findings(RuleIds.VersionFormat)).Message);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.95")]
    [InlineData("3")]
    [InlineData("2024.10.1.7")]
    public void Dotted_numbers_pass(string version) =>
        FindingAssert.None(TestWidget.Valid().EditManifest("\"version\": \"1.0.0\"", $"\"version\": \"{version}\""), RuleIds.VersionFormat);
}
