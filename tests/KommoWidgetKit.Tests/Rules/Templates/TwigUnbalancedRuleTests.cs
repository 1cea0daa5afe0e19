using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Templates;

public class TwigUnbalancedRuleTests
{
    [Fact]
    public void Unclosed_block_is_reported_at_its_tag()
    {
        var w = TestWidget.Valid().Set("templates/list.twig", "<ul>\n  {% for item in items %}\n    <li>{{ item.name }}</li>\n</ul>\n");
        var d = FindingAssert.Single(w, RuleIds.TwigUnbalanced, 2, 3);
        Assert.Equal("templates/list.twig", d.Span.Path);
    }

    [Fact]
    public void Unclosed_delimiter_unexpected_end_and_misplaced_else_are_reported()
    {
        Assert.Single(TestWidget.Valid().Set("a.twig", "<p>{{ name </p>\n").Findings(RuleIds.TwigUnbalanced));
        FindingAssert.Single(TestWidget.Valid().Set("a.twig", "<p></p>\n{% endif %}\n"), RuleIds.TwigUnbalanced, 2, 1);
        FindingAssert.Single(TestWidget.Valid().Set("a.twig", "{% block b %}\n{% else %}\n{% endblock %}\n"), RuleIds.TwigUnbalanced, 2, 1);
    }

    [Fact]
    public void Balanced_template_passes()
    {
        var w = TestWidget.Valid().Set("templates/list.twig", "{% if items %}<ul>{% for i in items %}<li>{{ i }}</li>{% else %}<li>-</li>{% endfor %}</ul>{% endif %}\n{% set x = 1 %}\n");
        FindingAssert.None(w, RuleIds.TwigUnbalanced);
    }
}
