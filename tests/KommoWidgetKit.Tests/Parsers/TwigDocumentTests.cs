using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Parsers;

public class TwigDocumentTests
{
    private static IReadOnlyList<TwigIssue> Issues(string twig) => TestWidget.Empty().Set("templates/a.twig", twig).Load().Templates.Single().Issues;

    [Fact]
    public void Balanced_template_has_no_issues()
    {
        Assert.Empty(Issues("""
            {# comment #}
            {% set total = 0 %}
            {% block body %}
              {% for item in items %}
                {% if item.ok %}<b>{{ item.name|e }}</b>{% elseif item.x %}x{% else %}-{% endif %}
              {% endfor %}
              {% set html %}<i>inline</i>{% endset %}
              {% verbatim %}{% if %}{% endverbatim %}
            {% endblock %}
            {% block title "short" %}
            """));
    }

    [Fact]
    public void Unclosed_block_is_reported_at_its_opening_tag()
    {
        var issue = Assert.Single(Issues("<div>\n  {% if a %}\n  x\n</div>"));
        Assert.Equal(TwigIssueKind.UnclosedBlock, issue.Kind);
        Assert.Equal((2, 3), (issue.Span.StartLine, issue.Span.StartColumn));
    }

    [Fact]
    public void Unexpected_and_mismatched_end_tags_are_reported()
    {
        var issue = Assert.Single(Issues("x {% endfor %}"));
        Assert.Equal(TwigIssueKind.UnexpectedEndTag, issue.Kind);
        Assert.Equal((1, 3), (issue.Span.StartLine, issue.Span.StartColumn));
        var issues = Issues("{% for a in b %}{% if a %}{% endfor %}");
        Assert.Equal(TwigIssueKind.UnclosedBlock, Assert.Single(issues).Kind);
    }

    [Fact]
    public void Unclosed_delimiters_and_misplaced_else_are_reported()
    {
        var i1 = Assert.Single(Issues("a\n  {{ name "));
        Assert.Equal((TwigIssueKind.UnclosedDelimiter, 2, 3), (i1.Kind, i1.Span.StartLine, i1.Span.StartColumn));
        Assert.Equal(TwigIssueKind.MisplacedBranch, Assert.Single(Issues("{% else %}")).Kind);
        Assert.Equal(TwigIssueKind.UnclosedDelimiter, Assert.Single(Issues("{# never closed")).Kind);
    }
}
