using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class CallbackNotFunctionRuleTests
{
    [Fact]
    public void Literal_value_of_a_known_callback_is_reported_at_its_key()
    {
        var w = TestWidget.Valid().Edit("script.js", "init: function () { return true; }", "init: true");
        var d = FindingAssert.Single(w, RuleIds.CallbackNotFunction, 9, 7);
        Assert.Contains("'init'", d.Message);
    }

    [Fact]
    public void Nested_callback_is_checked()
    {
        var w = TestWidget.Valid().Edit("script.js", "      destroy: function () {}", "      destroy: function () {},\n      leads: { selected: null }");
        FindingAssert.Single(w, RuleIds.CallbackNotFunction, 14, 16);
    }

    [Fact]
    public void References_and_unknown_members_pass()
    {
        var w = TestWidget.Valid()
            .Edit("script.js", "init: function () { return true; }", "init: self.initialise.bind(self)")
            .Edit("script.js", "      destroy: function () {}", "      destroy: onDestroy,\n      options: { debug: true },\n      version: 2");
        FindingAssert.None(w, RuleIds.CallbackNotFunction);
        FindingAssert.None(TestWidget.Valid(), RuleIds.CallbackNotFunction);
    }
}
