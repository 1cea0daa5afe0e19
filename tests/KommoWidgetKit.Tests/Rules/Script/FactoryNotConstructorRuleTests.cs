using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class FactoryNotConstructorRuleTests
{
    [Fact]
    public void An_object_returned_by_the_factory_is_reported_where_it_is()
    {
        var w = TestWidget.Valid().Set("script.js", "define(['jquery'], function ($) {\n  return {\n    callbacks: {}\n  };\n});");
        FindingAssert.Single(w, RuleIds.FactoryNotConstructor, 2, 10);
    }

    [Fact]
    public void A_factory_that_returns_nothing_is_reported_at_the_factory()
    {
        var w = TestWidget.Valid().Set("script.js", "define(['jquery'], function ($) {\n  var W = function () { this.callbacks = {}; return this; };\n});");
        FindingAssert.Single(w, RuleIds.FactoryNotConstructor, 1, 20);
    }

    [Theory]
    [InlineData("define(['jquery'], function ($) { var W = function () { this.callbacks = {}; return this; }; return W; });")]
    [InlineData("define(['jquery'], function ($) { return require('./impl'); });")]
    [InlineData("define(['./impl'], (impl) => impl);")]
    public void A_constructor_or_something_that_cannot_be_told_statically_passes(string js)
    {
        FindingAssert.None(TestWidget.Valid().Set("script.js", js), RuleIds.FactoryNotConstructor);
        FindingAssert.None(TestWidget.Valid(), RuleIds.FactoryNotConstructor);
    }
}
