using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LeftMenuInvalidRuleTests
{
    private static TestWidget WithMenu(string menu) => WithBlocks("\"left_menu\": " + menu, "settings", "widget_page");

    [Fact]
    public void Unknown_sort_after_is_reported_at_the_value()
    {
        var w = WithMenu("{ \"sec\": { \"title\": \"widget.name\", \"sort\": { \"after\": \"lead\" } } }");
        var d = Assert.Single(w.Findings(RuleIds.LeftMenuInvalid));
        Assert.Equal("/left_menu/sec/sort/after", d.Span.JsonPointer);
        AssertAt(w, d, "\"lead\"");
        Assert.Contains("\"leads\"", d.Message);
    }

    [Fact]
    public void Submenu_sort_must_be_a_number()
    {
        var w = WithMenu("{ \"sec\": { \"title\": \"widget.name\", \"submenu\": { \"a\": { \"title\": \"widget.name\", \"sort\": \"2\" } } } }");
        var d = Assert.Single(w.Findings(RuleIds.LeftMenuInvalid));
        Assert.Equal("/left_menu/sec/submenu/a/sort", d.Span.JsonPointer);
        AssertAt(w, d, "\"2\"");
    }

    [Fact]
    public void Hiding_settings_or_a_custom_section_is_reported_at_is_hidden()
    {
        var w = WithMenu("{ \"settings\": { \"is_hidden\": true }, \"sec\": { \"title\": \"widget.name\", \"is_hidden\": true } }");
        var found = w.Findings(RuleIds.LeftMenuInvalid);
        Assert.Equal(["/left_menu/settings/is_hidden", "/left_menu/sec/is_hidden"], found.Select(d => d.Span.JsonPointer));
        AssertAt(w, found[0], "\"is_hidden\"");
        AssertAt(w, found[1], "\"is_hidden\"", 2);
    }

    [Fact]
    public void Documented_shapes_pass()
    {
        var w = WithMenu("""
            { "sec": { "title": "widget.name", "icon": "images/logo_min.png", "sort": { "after": "leads" },
                "submenu": { "a": { "title": "widget.name", "sort": 2 }, "b": { "title": "widget.name", "sort": 1 } } },
              "stats": { "is_hidden": true, "submenu": { "x": { "title": "widget.name" } } },
              "mail": { "is_hidden": true } }
            """);
        FindingAssert.None(w, RuleIds.LeftMenuInvalid);
    }
}
