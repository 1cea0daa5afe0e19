using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Templates;

public class CssUnbalancedRuleTests
{
    [Fact]
    public void Unclosed_brace_is_reported_at_the_open_brace()
    {
        var w = TestWidget.Valid().Set("style.css", ".my-widget {\n  color: red;\n.my-widget__title { font-weight: bold; }\n");
        var d = FindingAssert.Single(w, RuleIds.CssUnbalanced, 1, 12);
        Assert.Equal("style.css", d.Span.Path);
    }

    [Fact]
    public void Extra_closing_brace_is_reported_where_it_is() =>
        FindingAssert.Single(TestWidget.Valid().Set("css/extra.css", ".a { color: red; }\n}\n"), RuleIds.CssUnbalanced, 2, 1);

    [Fact]
    public void Unclosed_comment_and_string_are_reported()
    {
        FindingAssert.Single(TestWidget.Valid().Set("style.css", ".a { color: red; }\n/* the end\n.b { }\n"), RuleIds.CssUnbalanced, 2, 1);
        // The unclosed string swallows the '}' on its line, so the block stays open too, as in a browser.
        var found = TestWidget.Valid().Set("style.css", ".a { content: \"x; }\n.b { color: red; }\n").Findings(RuleIds.CssUnbalanced);
        Assert.Equal([(1, 4), (1, 15)], found.Select(d => (d.Span.StartLine, d.Span.StartColumn)));
    }

    [Fact]
    public void Braces_in_strings_comments_and_at_rules_pass()
    {
        const string css = "/* { */\n.a::before { content: \"}\"; }\n@media (max-width: 600px) { .a { color: red; } }\n@keyframes spin { from { transform: rotate(0); } to { transform: rotate(360deg); } }\n.a[data-x='{'] { }\n";
        FindingAssert.None(TestWidget.Valid().Set("style.css", css), RuleIds.CssUnbalanced);
    }
}
