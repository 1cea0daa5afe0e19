using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class RelativeDependencyMissingRuleTests
{
    private static TestWidget WithDeps(string deps) => TestWidget.Valid().Edit("script.js", "define(['jquery']", "define(['jquery', " + deps + "]");

    [Fact]
    public void Missing_relative_module_is_reported_at_the_dependency()
    {
        var d = FindingAssert.Single(WithDeps("'./lib/helper.js'"), RuleIds.RelativeDependencyMissing, 1, 19);
        Assert.Contains("lib/helper.js", d.Message);
    }

    [Fact]
    public void Module_without_extension_resolves_with_or_without_js()
    {
        FindingAssert.None(WithDeps("'./lib/helper'").Set("lib/helper.js", "define([], function () { return 1; });"), RuleIds.RelativeDependencyMissing);
        FindingAssert.Single(WithDeps("'./lib/other'").Set("lib/helper.js", "define([], function () { return 1; });"), RuleIds.RelativeDependencyMissing, 1, 19);
    }

    [Fact]
    public void Text_plugin_resource_must_exist_exactly()
    {
        FindingAssert.None(WithDeps("'text!./templates/a.twig?v=1'").Set("templates/a.twig", "<div></div>"), RuleIds.RelativeDependencyMissing);
        var d = FindingAssert.Single(WithDeps("'text!./templates/b.twig'").Set("templates/a.twig", "<div></div>"), RuleIds.RelativeDependencyMissing, 1, 19);
        Assert.Contains("templates/b.twig", d.Message);
    }

    [Fact]
    public void Ids_are_resolved_relative_to_the_listing_module()
    {
        var w = TestWidget.Valid()
            .Set("js/a.js", "define(['./b', '../lib/c.js', '../../outside.js'], function () { return 1; });")
            .Set("js/b.js", "define([], function () { return 1; });")
            .Set("lib/c.js", "define([], function () { return 1; });");
        var d = FindingAssert.Single(w, RuleIds.RelativeDependencyMissing, 1, 31);
        Assert.Equal("js/a.js", d.Span.Path);
    }

    [Fact]
    public void Host_modules_urls_and_other_plugins_are_not_checked() =>
        FindingAssert.None(WithDeps("'underscore', 'lib/components/base/modal', 'https://cdn.example.com/x.js', 'css!./style.css', 'twigjs'"), RuleIds.RelativeDependencyMissing);
}
