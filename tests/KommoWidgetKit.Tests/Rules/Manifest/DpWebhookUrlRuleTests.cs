using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class DpWebhookUrlRuleTests
{
    [Theory]
    [InlineData("http://example.com/dp")]
    [InlineData("/webhook")]
    [InlineData("example.com/hook")]
    public void Non_https_url_is_reported_at_the_value(string url)
    {
        var w = WithBlocks($"\"dp\": {{ \"action_multiple\": false, \"webhook_url\": \"{url}\" }}", "digital_pipeline");
        var d = Assert.Single(w.Findings(RuleIds.DpWebhookUrl));
        Assert.Equal("/dp/webhook_url", d.Span.JsonPointer);
        Assert.Equal((19, 52), (d.Span.StartLine, d.Span.StartColumn));
    }

    [Fact]
    public void Https_url_or_no_url_passes()
    {
        FindingAssert.None(WithBlocks("\"dp\": { \"action_multiple\": false, \"webhook_url\": \"https://wdg.example.ru/hook\" }", "digital_pipeline"), RuleIds.DpWebhookUrl);
        FindingAssert.None(WithBlocks("\"dp\": { \"action_multiple\": false }", "digital_pipeline"), RuleIds.DpWebhookUrl);
    }
}
