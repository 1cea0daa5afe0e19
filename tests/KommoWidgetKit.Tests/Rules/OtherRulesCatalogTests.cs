using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules;

/// <summary>Checks the script, i18n, image, template and text-file rules (KW2xxx–KW5xxx, KW6005–KW6010) as a set.</summary>
public class OtherRulesCatalogTests
{
    private static bool IsOurs(string id) =>
        id[2] is '2' or '3' or '4' or '5' || string.CompareOrdinal(id, "KW6005") >= 0 && string.CompareOrdinal(id, "KW6010") <= 0;

    public static TheoryData<string> OurIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => IsOurs(r.Descriptor.Id))) data.Add(rule.Descriptor.Id);
        return data;
    }

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Valid_widget_has_no_findings_from_these_rules(WidgetProfile profile)
    {
        var found = TestWidget.Valid().Validate(profile).Diagnostics.Where(d => IsOurs(d.Id)).Select(d => $"{d.Span} {d.Id} {d.Message}");
        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(OurIds))]
    public void Rule_has_a_matching_doc_page_and_a_test_file(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var d = rule.Descriptor;
        string doc = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(doc), "missing " + doc);
        var lines = File.ReadAllLines(doc);
        Assert.Equal($"# {id} {d.Name}", lines[0]);
        string row = lines.First(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Severity", StringComparison.Ordinal));
        Assert.StartsWith($"| {d.DefaultSeverity.ToName()} | ", row);
        string profiles = d.Profiles switch { ProfileScope.Public => "public", ProfileScope.Private => "private", _ => "private, public" };
        Assert.EndsWith($"| {profiles} |", row);

        string area = rule.GetType().Namespace!.Split('.')[^1];
        string test = Path.Combine(RepoPaths.Root, "tests", "KommoWidgetKit.Tests", "Rules", area, rule.GetType().Name + "Tests.cs");
        Assert.True(File.Exists(test), "missing " + test);
    }

    [Theory]
    [InlineData("define();")]
    [InlineData("define(function () { this.callbacks = { ...base, [key]: 1, get render() { return 1; }, 'init': () => true, leads: null }; });")]
    [InlineData("define(['./', '../', 'text!', '!x', './a/../../..'], function () {});")]
    [InlineData("\r\r\r")]
    [InlineData("for(;;){for(;;){[].forEach(()=>{crm_post(`/api/v4/${x}`)})}}")]
    public void Odd_scripts_do_not_throw(string script)
    {
        var w = TestWidget.Valid().Set("script.js", script).Set("style.css", "@media{{{}}}}}\n'\n/*").Set("a.twig", "{% endfor %}{{");
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
            Assert.NotNull(w.Validate(profile));
    }

    [Fact]
    public void Odd_i18n_manifest_and_images_do_not_throw()
    {
        var w = TestWidget.Valid()
            .EditManifest("\"tour_images\": {", "\"tour_images\": { \"xx\": [1, null, \"\", \"/\", \"//cdn/x.jpg\"], \"yy\": \"a\",")
            .EditManifest("\"settings\"]", "\"settings\", \"ai_agent\", \"digital_pipeline\", \"card_sdk\", 5]")
            .Set("i18n/en.json", "{\"widget\": \"flat\", \"settings\": []}")
            .Set("i18n/es.json", "{\"widget\": {\"name\": {}}, \"settings\": {\"api_key\": {\"a\": {\"b\": 1}}}}")
            .Set("images/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            .Set("images/logo_main.png", [0xFF, 0xD8, 0xFF]);
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
            Assert.NotEmpty(w.Validate(profile).Diagnostics);
    }
}
