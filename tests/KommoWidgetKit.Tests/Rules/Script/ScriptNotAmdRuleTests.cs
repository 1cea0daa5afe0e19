using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class ScriptNotAmdRuleTests
{
    [Fact]
    public void Script_without_define_is_reported_for_the_file()
    {
        var w = TestWidget.Valid().Set("script.js", "var Widget = function () { this.callbacks = {}; return this; };\n");
        var d = FindingAssert.Single(w, RuleIds.ScriptNotAmd, 0, 0);
        Assert.Equal("script.js", d.Span.Path);
    }

    [Fact]
    public void Es_module_script_is_reported_at_the_import_and_names_RequireJS()
    {
        var w = TestWidget.Valid().Set("script.js", "// widget\nimport $ from 'jquery';\nexport default function Widget() {}\n");
        var d = FindingAssert.Single(w, RuleIds.ScriptNotAmd, 2, 1);
        Assert.Contains("RequireJS", d.Message);
    }

    [Fact]
    public void Amd_script_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.ScriptNotAmd);
        // A dev loader (spec §7.1) is AMD too.
        FindingAssert.None(TestWidget.Valid().Set("script.js", "define(['http://localhost:9000/script.js'], function (w) { return w; });"), RuleIds.ScriptNotAmd);
    }

    [Fact]
    public void Syntax_error_is_not_also_reported_as_not_amd() =>
        FindingAssert.None(TestWidget.Valid().Set("script.js", "define([], function () { var = 1; });"), RuleIds.ScriptNotAmd);
}
