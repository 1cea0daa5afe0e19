using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class InitOnceStringRuleTests
{
    [Theory]
    [InlineData("\"Y\"", "true")]
    [InlineData("\"N\"", "false")]
    [InlineData("1", "true")]
    public void String_or_number_is_reported_with_how_kommo_reads_it(string value, string read)
    {
        var w = TestWidget.Valid().EditManifest("\"init_once\": false", "\"init_once\": " + value);
        var d = FindingAssert.Single(w, RuleIds.InitOnceString, 8, 18);
        Assert.Equal("/widget/init_once", d.Span.JsonPointer);
        Assert.Contains("write " + read, d.Message);
        FindingAssert.None(w, RuleIds.ManifestWrongType);
    }

    [Fact]
    public void Boolean_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.InitOnceString);
        FindingAssert.None(TestWidget.Valid().EditManifest("\"init_once\": false", "\"init_once\": true"), RuleIds.InitOnceString);
    }

    [Theory]
    [InlineData("\"Y\"", "true")]
    [InlineData("\"N\"", "false")]
    [InlineData("1", "true")]
    [InlineData("\"0\"", "false")]
    public void Fix_writes_the_boolean_kommo_reads(string value, string read)
    {
        var w = TestWidget.Valid().EditManifest("\"init_once\": false", "\"init_once\": " + value);
        var result = FixAssert.Fixes(w, RuleIds.InitOnceString);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, "\"init_once\": false", "\"init_once\": " + read));
    }
}
