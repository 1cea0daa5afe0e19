using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class CoreCallbackMissingRuleTests
{
    [Fact]
    public void Each_missing_core_callback_is_reported_at_the_callbacks_object()
    {
        var w = TestWidget.Valid()
            .Edit("script.js", "      init: function () { return true; },\n", "")
            .Edit("script.js", "      bind_actions: function () { return true; },\n", "");
        var found = w.Findings(RuleIds.CoreCallbackMissing);
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal((4, 22), (d.Span.StartLine, d.Span.StartColumn)));
        Assert.Contains(found, d => d.Message.Contains("'init'"));
        Assert.Contains(found, d => d.Message.Contains("'bind_actions'"));
    }

    [Fact]
    public void Method_shorthand_and_string_keys_count()
    {
        var w = TestWidget.Valid()
            .Edit("script.js", "render: function () {", "'render': function () {")
            .Edit("script.js", "init: function () { return true; }", "init() { return true; }");
        FindingAssert.None(w, RuleIds.CoreCallbackMissing);
    }

    [Fact]
    public void Complete_callbacks_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.CoreCallbackMissing);
}
