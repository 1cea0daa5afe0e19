using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class PublicShortDescriptionLengthRuleTests
{
    [Fact]
    public void Over_50_characters_is_reported_per_locale_at_the_manifest_value()
    {
        string long51 = new('a', 51);
        var w = TestWidget.Valid()
            .Edit("i18n/en.json", "\"A test widget\"", $"\"{long51}\"")
            .Edit("i18n/es.json", "\"Un widget de prueba\"", $"\"{long51}\"");
        var found = w.Findings(RuleIds.PublicShortDescriptionLength, WidgetProfile.Public);
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal((5, 26, "/widget/short_description"), (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer)));
        Assert.Contains(found, d => d.Message.Contains("\"en\""));
        Assert.Contains(found, d => d.Message.Contains("\"es\""));
    }

    [Fact]
    public void Fifty_characters_pass()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"A test widget\"", $"\"{new string('a', 50)}\"");
        FindingAssert.None(w, RuleIds.PublicShortDescriptionLength, WidgetProfile.Public);
    }
}
