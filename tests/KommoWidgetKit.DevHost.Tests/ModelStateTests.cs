using System.Net.Http.Json;
using System.Text.Json;
using KommoWidgetKit.DevHost.Widget;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>The host reads the manifest, settings, digital pipeline block and i18n from the core model only, and its load
/// failures are the validator's findings with their rule IDs and severities.</summary>
public sealed class ModelStateTests
{
    [Fact]
    public async Task The_page_gets_the_manifest_settings_dp_block_and_i18n_as_the_core_model_read_them()
    {
        using var widget = TempWidget.Copy("digital_pipeline");
        // A comment, a trailing comma and a repeated key: JavaScript and the model keep the last value; the tree is written
        // back as strict JSON, not read a second time.
        File.WriteAllText(Path.Combine(widget.Path, "manifest.json"), """
            {
              // the digital pipeline demo
              "widget": {
                "name": "widget.name", "description": "widget.description", "short_description": "widget.short_description",
                "version": "1.0.0", "interface_version": 2, "locale": ["en"], "installation": false, "init_once": "Y"
              },
              "locations": ["digital_pipeline", "lead_sources", "settings"],
              "settings": {
                "b_login": { "name": "settings.login", "type": "text", "required": true },
                "a_hint": { "name": "settings.hint" },
                "b_login": { "name": "settings.login", "type": "pass", "required": true },
              },
              "dp": {
                "settings": { "message": { "name": "dp.message", "type": "text", "required": true } },
                "action_multiple": true, "webhook_url": "https://example.com/dp"
              }
            }
            """);
        await using var factory = new DevHostFactory(new DevHostOptions { WidgetPath = widget.Path });
        using var client = factory.Client();
        var state = await client.GetFromJsonAsync<JsonElement>("/__kommo/api/state");
        var w = state.GetProperty("widget");

        Assert.Equal("pass", w.GetProperty("manifest").GetProperty("settings").GetProperty("b_login").GetProperty("type").GetString());
        Assert.Equal(
            ["b_login:pass:settings.login:True", "a_hint:-:settings.hint:False"],
            w.GetProperty("settings").EnumerateArray().Select(Field).ToArray());
        Assert.Equal(["message:text:dp.message:True"], w.GetProperty("dpSettings").EnumerateArray().Select(Field).ToArray());
        Assert.True(w.GetProperty("initOnce").GetBoolean());
        Assert.True(w.GetProperty("dpActionMultiple").GetBoolean());
        Assert.Equal(JsonValueKind.Object, w.GetProperty("i18n").GetProperty("en").GetProperty("widget").ValueKind);

        // Required settings are the model's: the last b_login is required, a_hint is not.
        using var refused = await client.PostAsJsonAsync("/__kommo/api/settings", new { active = "Y", fields = new { a_hint = "" } });
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["b_login"], errors.EnumerateObject().Select(p => p.Name).ToArray());

        static string Field(JsonElement f) =>
            $"{f.GetProperty("code").GetString()}:{(f.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "-")}:{f.GetProperty("name").GetString()}:{f.GetProperty("required").GetBoolean()}";
    }

    [Fact]
    public void A_widget_that_cannot_be_loaded_is_one_finding_of_its_rule_not_a_made_up_one()
    {
        using var widget = TempWidget.Copy("digital_pipeline");
        var gone = Path.Combine(widget.Root, "gone");
        var snapshot = WidgetSource.Load(gone, "gone", 3);
        var finding = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(("KW6011", "error"), (finding.Id, finding.Severity));
        Assert.Contains("does not exist", finding.Message);
        Assert.Empty(snapshot.Files);
        Assert.Equal([], snapshot.Locations);

        var text = Path.Combine(widget.Root, "notes.txt");
        File.WriteAllText(text, "not a widget");
        finding = Assert.Single(WidgetSource.Load(text, null, 0).Diagnostics);
        Assert.Equal(("KW6011", "error"), (finding.Id, finding.Severity));
        Assert.Contains("neither a folder nor a zip", finding.Message);
    }
}
