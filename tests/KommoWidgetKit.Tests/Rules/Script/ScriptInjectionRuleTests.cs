using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class ScriptInjectionRuleTests
{
    private static TestWidget WithInit(string body) =>
        TestWidget.Valid().Edit("script.js", "init: function () { return true; }", "init: function () {\n" + body + "\n        return true;\n      }");

    [Theory]
    [InlineData("var s = document.createElement('script');", 9)]
    [InlineData("$('head').append('<script src=\"https://cdn.example.com/x.js\"></script>');", 18)]
    [InlineData("$.getScript('https://cdn.example.com/x.js');", 1)]
    public void Injected_scripts_are_reported_in_the_public_profile(string line, int column) =>
        FindingAssert.Single(WithInit(line), RuleIds.ScriptInjection, 10, column, WidgetProfile.Public);

    [Fact]
    public void Private_profile_does_not_run_the_rule() =>
        FindingAssert.None(WithInit("document.createElement('script');"), RuleIds.ScriptInjection);

    [Fact]
    public void Other_elements_and_inline_markup_pass()
    {
        var w = WithInit("document.createElement('div');\n$('body').append('<script>var a = 1;</script>');");
        FindingAssert.None(w, RuleIds.ScriptInjection, WidgetProfile.Public);
    }
}
