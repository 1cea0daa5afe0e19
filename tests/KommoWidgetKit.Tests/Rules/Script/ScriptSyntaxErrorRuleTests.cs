using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class ScriptSyntaxErrorRuleTests
{
    [Fact]
    public void Syntax_error_in_script_js_is_reported_at_the_parser_position()
    {
        var w = TestWidget.Valid().Set("script.js", "define([], function () {\n  var x = ;\n});\n");
        var d = FindingAssert.Single(w, RuleIds.ScriptSyntaxError, 2, 11);
        Assert.Equal("script.js", d.Span.Path);
    }

    [Fact]
    public void Own_modules_are_checked_but_vendored_libraries_are_not()
    {
        var w = TestWidget.Valid()
            .Set("lib/helper.js", "define([], function () {\n  return {;\n});\n")
            .Set("vendor/broken.js", "this is not javascript")
            .Set("js/chart.min.js", "not javascript either (");
        var d = FindingAssert.Single(w, RuleIds.ScriptSyntaxError, 2, 11);
        Assert.Equal("lib/helper.js", d.Span.Path);
    }

    [Fact]
    public void Es_module_other_than_script_js_is_reported_and_script_js_is_left_to_KW2002()
    {
        var w = TestWidget.Valid().Set("js/module.js", "import $ from 'jquery';\nexport default 1;\n");
        var d = FindingAssert.Single(w, RuleIds.ScriptSyntaxError, 1, 1);
        Assert.Equal("js/module.js", d.Span.Path);
        Assert.Contains("ES module", d.Message);

        var esMain = TestWidget.Valid().Set("script.js", "import $ from 'jquery';\nexport default function Widget() {}\n");
        FindingAssert.None(esMain, RuleIds.ScriptSyntaxError);
    }

    [Fact]
    public void Valid_scripts_pass() => FindingAssert.None(TestWidget.Valid().Set("lib/ok.js", "define([], function () { return 1; });"), RuleIds.ScriptSyntaxError);
}
