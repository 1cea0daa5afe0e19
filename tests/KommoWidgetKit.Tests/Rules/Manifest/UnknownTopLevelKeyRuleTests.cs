using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class UnknownTopLevelKeyRuleTests
{
    [Fact]
    public void Unknown_key_is_reported_at_its_name_with_a_suggestion()
    {
        var w = TestWidget.Valid().EditManifest("  \"settings\": {", "  \"setting\": {},\n  \"settings\": {");
        var d = FindingAssert.Single(w, RuleIds.UnknownTopLevelKey, 19, 3);
        Assert.Equal("/setting", d.Span.JsonPointer);
        Assert.Contains("\"settings\"", d.Message);
    }

    [Fact]
    public void Widget_key_at_the_top_level_is_pointed_back_into_widget()
    {
        var w = TestWidget.Valid().EditManifest("  \"settings\": {", "  \"locale\": [\"en\"],\n  \"settings\": {");
        Assert.Contains("inside \"widget\"", FindingAssert.Single(w, RuleIds.UnknownTopLevelKey, 19, 3).Message);
    }

    [Fact]
    public void Amoforms_settings_is_known_on_amocrm_only()
    {
        var w = TestWidget.Valid().EditManifest("  \"settings\": {", "  \"amoforms_settings\": {},\n  \"settings\": {");
        FindingAssert.Single(w, RuleIds.UnknownTopLevelKey, 19, 3, platform: WidgetPlatform.Kommo);
        FindingAssert.None(w, RuleIds.UnknownTopLevelKey, platform: WidgetPlatform.AmoCrm);
    }

    [Fact]
    public void Documented_keys_pass()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.UnknownTopLevelKey);
        var all = TestWidget.Valid().EditManifest("  \"settings\": {",
            "  \"dp\": {}, \"advanced\": {}, \"salesbot_designer\": {}, \"sms\": {}, \"mobile\": {}, \"left_menu\": {},\n  \"settings\": {");
        FindingAssert.None(all, RuleIds.UnknownTopLevelKey);
    }
}
