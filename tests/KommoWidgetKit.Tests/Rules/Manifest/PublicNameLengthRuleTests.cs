using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class PublicNameLengthRuleTests
{
    [Fact]
    public void Long_name_in_one_locale_is_reported_at_the_manifest_value_with_the_locale()
    {
        var w = TestWidget.Valid().Edit("i18n/es.json", "\"Widget de prueba\"", "\"Widget de prueba con un nombre muy largo\"");
        var d = FindingAssert.Single(w, RuleIds.PublicNameLength, 3, 13, WidgetProfile.Public);
        Assert.Equal("/widget/name", d.Span.JsonPointer);
        Assert.Contains("\"es\"", d.Message);
        FindingAssert.None(w, RuleIds.PublicNameLength, WidgetProfile.Private);
    }

    [Fact]
    public void Word_over_19_characters_is_reported()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"Test Widget\"", "\"Super-mega-integration v2\"");
        var d = FindingAssert.Single(w, RuleIds.PublicNameLength, 3, 13, WidgetProfile.Public);
        Assert.Contains("Super-mega-integration", d.Message);
    }

    [Fact]
    public void Literal_name_is_checked_once()
    {
        var w = TestWidget.Valid().EditManifest("\"name\": \"widget.name\"", "\"name\": \"A literal widget name that is too long\"");
        var d = FindingAssert.Single(w, RuleIds.PublicNameLength, 3, 13, WidgetProfile.Public);
        Assert.Contains("literal", d.Message);
    }

    [Fact]
    public void Thirty_characters_pass()
    {
        var w = TestWidget.Valid().Edit("i18n/en.json", "\"Test Widget\"", "\"" + new string('x', 15) + " " + new string('y', 14) + "\"");
        FindingAssert.None(w, RuleIds.PublicNameLength, WidgetProfile.Public);
        FindingAssert.None(TestWidget.Valid(), RuleIds.PublicNameLength, WidgetProfile.Public);
    }
}
