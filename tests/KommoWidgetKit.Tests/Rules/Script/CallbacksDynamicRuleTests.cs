using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class CallbacksDynamicRuleTests
{
    [Fact]
    public void Callbacks_from_a_variable_are_info_at_the_assignment()
    {
        var w = TestWidget.Valid().Set("script.js", "define([], function () {\n  return function () {\n    this.callbacks = makeCallbacks(this);\n    return this;\n  };\n});\n");
        var d = FindingAssert.Single(w, RuleIds.CallbacksDynamic, 3, 5);
        Assert.Equal(Severity.Info, d.Severity);
        FindingAssert.None(w, RuleIds.CallbacksNotFound);
        FindingAssert.None(w, RuleIds.CoreCallbackMissing);
    }

    [Fact]
    public void Empty_literal_filled_at_run_time_is_dynamic_like_the_official_scaffold()
    {
        const string js = """
            define([], function () {
              function Integration() { this.callbacks = {}; }
              Integration.prototype.addCallback = function (cb, name) { this.callbacks[name] = cb; return this; };
              return new Integration().addCallback(function () { return true; }, 'render');
            });
            """;
        var w = TestWidget.Valid().Set("script.js", js);
        FindingAssert.Single(w, RuleIds.CallbacksDynamic, 2, 28);
        FindingAssert.None(w, RuleIds.CoreCallbackMissing);
    }

    [Fact]
    public void Remote_loader_is_reported_at_the_dependency()
    {
        var w = TestWidget.Valid().Set("script.js", "define(['https://localhost:9000/script.js'], function (w) { return w; });");
        FindingAssert.Single(w, RuleIds.CallbacksDynamic, 1, 9);
    }

    [Fact]
    public void Literal_callbacks_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.CallbacksDynamic);
}
