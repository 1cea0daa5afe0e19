using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class LocationCallbackMissingRuleTests
{
    [Fact]
    public void Settings_location_without_onSave_is_reported_at_the_callbacks_object()
    {
        var w = TestWidget.Valid().Edit("script.js", "      onSave: function () { return true; },\n", "");
        var d = FindingAssert.Single(w, RuleIds.LocationCallbackMissing, 4, 22);
        Assert.Contains("'settings'", d.Message);
        Assert.Contains("'onSave'", d.Message);
    }

    [Fact]
    public void Card_sdk_needs_its_four_methods_and_lists_their_nested_callback()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", \"llist-0\", \"settings\", \"card_sdk\"]")
            .Edit("script.js", "      destroy: function () {}", "      destroy: function () {},\n      loadPreloadedData: function () {},\n      loadElements: function () {},\n      leads: { other: function () {} }");
        var found = w.Findings(RuleIds.LocationCallbackMissing);
        Assert.Equal(3, found.Count);
        Assert.Contains(found, d => d.Message.Contains("'leads.selected'"));
        Assert.Contains(found, d => d.Message.Contains("'linkCard'"));
        Assert.Contains(found, d => d.Message.Contains("'searchDataInCard'"));
    }

    [Fact]
    public void Nested_callback_present_or_not_an_object_literal_passes()
    {
        var manifest = TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", \"llist-1\", \"clist-1\", \"settings\"]");
        var w = manifest.Edit("script.js", "      destroy: function () {}", "      destroy: function () {},\n      leads: { selected: function () {} },\n      contacts: contactCallbacks");
        FindingAssert.None(w, RuleIds.LocationCallbackMissing);
    }

    [Fact]
    public void Valid_widget_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.LocationCallbackMissing);
}
