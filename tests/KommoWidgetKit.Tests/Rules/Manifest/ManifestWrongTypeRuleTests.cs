using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class ManifestWrongTypeRuleTests
{
    [Fact]
    public void Valid_manifest_has_no_wrong_types() => FindingAssert.None(TestWidget.Valid(), RuleIds.ManifestWrongType);

    [Fact]
    public void String_interface_version_is_reported_at_the_value_with_its_pointer()
    {
        var w = TestWidget.Valid().EditManifest("\"interface_version\": 2", "\"interface_version\": \"2\"");
        var d = FindingAssert.Single(w, RuleIds.ManifestWrongType, 7, 26);
        Assert.Equal("/widget/interface_version", d.Span.JsonPointer);
    }

    [Fact]
    public void Installation_Y_is_the_wrong_type()
    {
        var w = TestWidget.Valid().EditManifest("\"installation\": true", "\"installation\": \"Y\"");
        var d = FindingAssert.Single(w, RuleIds.ManifestWrongType, 10, 21);
        Assert.Contains("\"Y\"", d.Message);
    }

    [Fact]
    public void Locale_as_a_string_and_non_string_items_are_each_reported()
    {
        var w = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": \"en\"");
        FindingAssert.Single(w, RuleIds.ManifestWrongType, 9, 15);

        var items = TestWidget.Valid().EditManifest("\"locale\": [\"en\", \"es\"]", "\"locale\": [\"en\", 5, null]");
        var found = items.Findings(RuleIds.ManifestWrongType);
        Assert.Equal(["/widget/locale/1", "/widget/locale/2"], found.Select(d => d.Span.JsonPointer));
    }

    [Fact]
    public void Wrong_block_and_field_types_are_reported_once_per_value()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", 7]")
            .EditManifest("\"type\": \"text\", \"required\": true", "\"type\": \"text\", \"required\": \"true\"")
            .EditManifest("\"tour\": {", "\"advanced\": [],\n  \"tour\": {");
        var found = w.Findings(RuleIds.ManifestWrongType);
        Assert.Equal(["/advanced", "/locations/1", "/settings/api_key/required"], found.Select(d => d.Span.JsonPointer).Order(StringComparer.Ordinal));
        AssertAt(w, found.Single(d => d.Span.JsonPointer == "/advanced"), "[]");
    }

    [Fact]
    public void Nested_salesbot_and_left_menu_values_are_checked()
    {
        var w = TestWidget.Valid().EditManifest("\"settings\": {\n", """
            "salesbot_designer": { "h": { "name": 3, "settings": { "f": { "type": "text", "manual": "yes" } } } },
              "left_menu": { "item": { "title": "lm.title", "is_hidden": "true" } },
              "settings": {

            """);
        var pointers = w.Findings(RuleIds.ManifestWrongType).Select(d => d.Span.JsonPointer).Order(StringComparer.Ordinal);
        Assert.Equal(["/left_menu/item/is_hidden", "/salesbot_designer/h/name", "/salesbot_designer/h/settings/f/manual"], pointers);
    }

    [Fact]
    public void Init_once_string_is_left_to_KW1083_but_an_object_is_reported()
    {
        FindingAssert.None(TestWidget.Valid().EditManifest("\"init_once\": false", "\"init_once\": \"Y\""), RuleIds.ManifestWrongType);
        FindingAssert.Single(TestWidget.Valid().EditManifest("\"init_once\": false", "\"init_once\": {}"), RuleIds.ManifestWrongType, 8, 18);
    }
}
