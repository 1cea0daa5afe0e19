using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class CallbacksNotFoundRuleTests
{
    [Fact]
    public void Define_without_callbacks_is_reported_at_define()
    {
        var w = TestWidget.Valid().Set("script.js", "\ndefine(['jquery'], function ($) {\n  return function () { return this; };\n});\n");
        FindingAssert.Single(w, RuleIds.CallbacksNotFound, 2, 1);
        FindingAssert.None(w, RuleIds.CallbacksDynamic);
    }

    [Fact]
    public void Callbacks_in_an_own_module_are_found()
    {
        var w = TestWidget.Valid()
            .Set("script.js", "define(['./js/widget.js'], function (W) { return W; });")
            .Set("js/widget.js", TestWidget.ValidScript);
        FindingAssert.None(w, RuleIds.CallbacksNotFound);
        FindingAssert.None(w, RuleIds.CoreCallbackMissing);
    }

    [Fact]
    public void Remote_loader_is_not_a_missing_callbacks_object()
    {
        var w = TestWidget.Valid().Set("script.js", "define(['http://localhost:9000/script.js'], function (w) { return w; });");
        FindingAssert.None(w, RuleIds.CallbacksNotFound);
    }

    [Fact]
    public void Literal_callbacks_pass() => FindingAssert.None(TestWidget.Valid(), RuleIds.CallbacksNotFound);
}
