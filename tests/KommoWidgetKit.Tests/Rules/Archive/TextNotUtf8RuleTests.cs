using System.Text;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Archive;

public class TextNotUtf8RuleTests
{
    [Fact]
    public void First_bad_byte_is_reported_at_its_position()
    {
        byte[] css = [.. Encoding.UTF8.GetBytes(".a {\n  content: \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\";\n}\n")];
        var d = FindingAssert.Single(TestWidget.Valid().Set("style.css", css), RuleIds.TextNotUtf8, 2, 16);
        Assert.Contains("0xE9", d.Message);
    }

    [Fact]
    public void Manifest_and_i18n_are_left_to_their_json_rules()
    {
        byte[] bad = [.. Encoding.UTF8.GetBytes(TestWidget.ValidI18nEn.Replace("API key", "API k")), 0xFF];
        FindingAssert.None(TestWidget.Valid().Set("i18n/en.json", bad), RuleIds.TextNotUtf8);
    }

    [Fact]
    public void Utf8_text_passes() =>
        FindingAssert.None(TestWidget.Valid().Set("style.css", ".a { content: \"café — ✓\"; }\n"), RuleIds.TextNotUtf8);
}
