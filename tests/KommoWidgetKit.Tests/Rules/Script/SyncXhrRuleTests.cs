using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class SyncXhrRuleTests
{
    private static TestWidget WithInit(string body) =>
        TestWidget.Valid().Edit("script.js", "init: function () { return true; }", "init: function () {\n" + body + "\n        return true;\n      }");

    [Fact]
    public void Async_false_in_ajax_options_is_reported_at_the_property()
    {
        var w = WithInit("$.ajax({ url: '/x', async: false });");
        FindingAssert.Single(w, RuleIds.SyncXhr, 10, 21);
    }

    [Fact]
    public void Synchronous_open_is_reported_including_the_minified_form()
    {
        FindingAssert.Single(WithInit("xhr.open('GET', url, false);"), RuleIds.SyncXhr, 10, 1);
        FindingAssert.Single(WithInit("x.open(\"GET\",u,!1);"), RuleIds.SyncXhr, 10, 1);
    }

    [Fact]
    public void Asynchronous_requests_pass()
    {
        var w = WithInit("$.ajax({ url: '/x', async: true });\nxhr.open('GET', url, true);\nxhr.open('GET', url);\nwindow.open(url, '_blank', 'noopener');");
        FindingAssert.None(w, RuleIds.SyncXhr);
        FindingAssert.None(TestWidget.Valid(), RuleIds.SyncXhr);
    }
}
