using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class EvalRuleTests
{
    private static TestWidget WithInit(string body) =>
        TestWidget.Valid().Edit("script.js", "init: function () { return true; }", "init: function () {\n" + body + "\n        return true;\n      }");

    [Theory]
    [InlineData("eval(code);", 1)]
    [InlineData("var f = new Function('a', 'return a');", 9)]
    [InlineData("var g = Function('return this')();", 9)]
    [InlineData("setTimeout('self.poll()', 100);", 1)]
    [InlineData("window.setInterval('tick' + n, 100);", 1)]
    public void Code_from_strings_is_reported_at_the_call(string line, int column) =>
        FindingAssert.Single(WithInit(line), RuleIds.Eval, 10, column);

    [Fact]
    public void Is_reported_under_both_profiles() =>
        FindingAssert.Single(WithInit("eval(code);"), RuleIds.Eval, 10, 1, Model.WidgetProfile.Public);

    [Fact]
    public void Timers_with_functions_and_similar_names_pass()
    {
        var w = WithInit("setTimeout(function () { self.poll(); }, 100);\nself.evaluate(x);\nvar evalResult = 1;");
        FindingAssert.None(w, RuleIds.Eval);
        FindingAssert.None(TestWidget.Valid(), RuleIds.Eval);
    }
}
