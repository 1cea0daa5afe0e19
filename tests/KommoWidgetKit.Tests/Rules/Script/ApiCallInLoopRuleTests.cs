using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class ApiCallInLoopRuleTests
{
    private static TestWidget WithInit(string body) =>
        TestWidget.Valid().Edit("script.js", "init: function () { return true; }", "init: function () {\n" + body + "\n        return true;\n      }");

    [Theory]
    [InlineData("for (var i = 0; i < ids.length; i++) {\n  self.crm_post('https://example.com/x', { id: ids[i] });\n}", 3)]
    [InlineData("ids.forEach(function (id) {\n  $.ajax({ url: '/api/v4/leads/' + id });\n});", 3)]
    [InlineData("$.each(ids, (i, id) => {\n  self.$authorizedAjax({ url: 'https://example.com' });\n});", 3)]
    [InlineData("while (next) {\n  fetch('/api/v4/leads?page=' + page);\n}", 3)]
    public void Api_calls_in_loop_bodies_are_reported_in_the_public_profile(string body, int column) =>
        FindingAssert.Single(WithInit(body), RuleIds.ApiCallInLoop, 11, column, WidgetProfile.Public);

    [Fact]
    public void Calls_outside_loops_handlers_set_up_in_loops_and_other_urls_pass()
    {
        var body = "self.crm_post('https://example.com/x', {});\n"
                   + "for (var i = 0; i < buttons.length; i++) {\n"
                   + "  $(buttons[i]).on('click', function () { self.crm_post('https://example.com/x', {}); });\n"
                   + "  $.ajax({ url: 'https://example.com/stats' });\n"
                   + "}";
        FindingAssert.None(WithInit(body), RuleIds.ApiCallInLoop, WidgetProfile.Public);
    }

    [Fact]
    public void Private_profile_does_not_run_the_rule() =>
        FindingAssert.None(WithInit("ids.forEach(function (id) { self.crm_post('x', {}); });"), RuleIds.ApiCallInLoop);
}
