using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Rules;

/// <summary>Odd input to the script, i18n, manifest, image and template rules: nothing throws.</summary>
public class OddInputTests
{
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
