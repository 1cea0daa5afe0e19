using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Templates;

public class CssGlobalSelectorRuleTests
{
    [Fact]
    public void Bare_element_selector_is_reported_at_the_selector_in_the_public_profile()
    {
        var w = TestWidget.Valid().Set("style.css", ".my-widget { color: red; }\n\nbody { margin: 0; }\n");
        var d = FindingAssert.Single(w, RuleIds.CssGlobalSelector, 3, 1, WidgetProfile.Public);
        Assert.Equal("style.css", d.Span.Path);
        FindingAssert.None(w, RuleIds.CssGlobalSelector);
    }

    [Fact]
    public void Each_global_selector_of_a_list_and_inside_media_is_reported()
    {
        const string css = ".my-widget p, div a,\n* { box-sizing: border-box; }\n@media (max-width: 600px) {\n  .button-input { width: 100%; }\n}\n";
        var found = TestWidget.Valid().Set("style.css", css).Findings(RuleIds.CssGlobalSelector, WidgetProfile.Public);
        Assert.Equal([(1, 15), (2, 1), (4, 3)], found.Select(d => (d.Span.StartLine, d.Span.StartColumn)));
    }

    [Fact]
    public void Scoped_selectors_keyframes_nested_rules_and_root_variables_pass()
    {
        const string css = "/* widget */\n.my-widget .button-input { color: red; }\n#work-area-my_widget table { width: 100%; }\n"
                           + ".card-widgets__widget-my_widget .card-widgets__widget__body { padding: 0; }\n"
                           + "@keyframes pulse { from { opacity: 0; } to { opacity: 1; } }\n"
                           + "@font-face { font-family: x; src: url(x.woff); }\n"
                           + ".my-widget { & p { margin: 0; } }\n"
                           + ":root { --my-widget-color: #fff; }\n"
                           + "html.dark .my-widget { color: white; }\n";
        FindingAssert.None(TestWidget.Valid().Set("style.css", css), RuleIds.CssGlobalSelector, WidgetProfile.Public);
    }

    [Fact]
    public void Root_rule_that_sets_properties_and_classes_under_not_are_global()
    {
        var w = TestWidget.Valid().Set("style.css", ":root { font-size: 20px; }\ndiv:not(.my-widget) { display: none; }\n");
        Assert.Equal(2, w.Findings(RuleIds.CssGlobalSelector, WidgetProfile.Public).Count);
    }

    [Fact]
    public void Only_style_css_is_checked() =>
        FindingAssert.None(TestWidget.Valid().Set("css/reset.css", "body { margin: 0; }\n"), RuleIds.CssGlobalSelector, WidgetProfile.Public);
}
