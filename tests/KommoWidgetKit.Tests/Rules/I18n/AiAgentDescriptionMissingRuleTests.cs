using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.I18n;

public class AiAgentDescriptionMissingRuleTests
{
    private static TestWidget WithAiAgent() => TestWidget.Valid().EditManifest("\"lcard-1\", \"settings\"", "\"lcard-1\", \"settings\", \"ai_agent\"");

    [Fact]
    public void Missing_description_is_reported_at_the_widget_group_of_each_file()
    {
        var w = WithAiAgent().Edit("i18n/en.json", "\"tour_description\": \"How it works\"", "\"tour_description\": \"How it works\",\n    \"ai_agent_description\": \"Answers questions about leads\"");
        var d = FindingAssert.Single(w, RuleIds.AiAgentDescriptionMissing, 2, 13);
        Assert.Equal("i18n/es.json", d.Span.Path);
    }

    [Fact]
    public void Empty_description_is_reported_at_the_value()
    {
        var w = WithAiAgent()
            .Edit("i18n/en.json", "\"tour_description\": \"How it works\"", "\"tour_description\": \"How it works\",\n    \"ai_agent_description\": \"Answers questions\"")
            .Edit("i18n/es.json", "\"tour_description\": \"Cómo funciona\"", "\"tour_description\": \"Cómo funciona\",\n    \"ai_agent_description\": \" \"");
        var d = FindingAssert.Single(w, RuleIds.AiAgentDescriptionMissing, 7, 29);
        Assert.Equal("i18n/es.json", d.Span.Path);
    }

    [Fact]
    public void Without_the_location_nothing_is_required() => FindingAssert.None(TestWidget.Valid(), RuleIds.AiAgentDescriptionMissing);
}
