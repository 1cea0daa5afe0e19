using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SupportInvalidRuleTests
{
    [Theory]
    [InlineData("www.example.com")]
    [InlineData("/support")]
    [InlineData("ftp://example.com")]
    [InlineData("")]
    public void Link_that_is_not_an_absolute_http_url_is_reported(string link)
    {
        var w = TestWidget.Valid().EditManifest("\"https://example.com/support\"", $"\"{link}\"");
        var d = Assert.Single(w.Findings(RuleIds.SupportInvalid));
        Assert.Equal("/widget/support/link", d.Span.JsonPointer);
        Assert.Equal((11, 26), (d.Span.StartLine, d.Span.StartColumn));
    }

    [Theory]
    [InlineData("support")]
    [InlineData("mailto:support@example.com")]
    [InlineData("a@b")]
    public void Email_that_is_not_an_address_is_reported(string email)
    {
        var w = TestWidget.Valid().EditManifest("\"support@example.com\"", $"\"{email}\"");
        var d = Assert.Single(w.Findings(RuleIds.SupportInvalid));
        Assert.Equal("/widget/support/email", d.Span.JsonPointer);
        Assert.Equal((11, 66), (d.Span.StartLine, d.Span.StartColumn));
    }

    [Fact]
    public void Valid_link_and_email_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.SupportInvalid);
        FindingAssert.None(TestWidget.Valid().EditManifest("\"https://example.com/support\"", "\"http://example.com\""), RuleIds.SupportInvalid);
    }
}
