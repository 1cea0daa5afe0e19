using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class PublicDescriptionLengthRuleTests
{
    [Fact]
    public void Over_400_characters_is_reported_at_the_manifest_value()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"Shows a test block in the lead card.\"", $"\"{new string('a', 401)}\"");
        var d = FindingAssert.Single(w, RuleIds.PublicDescriptionLength, 4, 20, WidgetProfile.Public);
        Assert.Equal("/widget/description", d.Span.JsonPointer);
        Assert.Contains("\"en\"", d.Message);
    }

    [Fact]
    public void Html_tags_are_not_counted()
    {
        string text = "<p class='widget_header__description_h'>" + new string('a', 390) + "</p><br><strong>x</strong>";
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"Shows a test block in the lead card.\"", $"\"{text}\"");
        FindingAssert.None(w, RuleIds.PublicDescriptionLength, WidgetProfile.Public);
    }
}
