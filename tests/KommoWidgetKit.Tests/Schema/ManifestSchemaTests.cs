using System.Text.Json.Nodes;
using Json.Schema;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Schema;

public class ManifestSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.Combine("schemas", "manifest.schema.json"))));

    private static EvaluationResults Evaluate(string json) =>
        Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_test_widget_manifest_is_valid()
    {
        Assert.True(Evaluate(TestWidget.ValidManifest).IsValid);
    }

    [Fact]
    public void Every_sample_manifest_is_valid()
    {
        var samples = Directory.GetDirectories(RepoPaths.Combine("samples"));
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var result = Evaluate(File.ReadAllText(Path.Combine(sample, "manifest.json")));
            Assert.True(result.IsValid, sample + ": " + Describe(result));
        }
    }

    [SkippableTheory]
    [InlineData("kommo-crm-birthday-widget", true)]
    [InlineData("Destcable-amocrm-widget-react-starter-template-widget", true)]
    [InlineData("Kado12-Widget_Kommo", true)]
    [InlineData("oarthurdev-n8n-kommo-widget", true)]
    [InlineData("antirek-amocrm-vue-widget-sample-widget", false)] // "anywhere" is not a location
    public void Corpus_manifests_are_judged_as_the_validator_judges_them(string folder, bool valid)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.RequireCorpus(), folder, "widget", "manifest.json"));
        var result = Evaluate(text);
        Assert.True(valid == result.IsValid, folder + ": " + Describe(result));
    }

    [Theory]
    [InlineData("\"interface_version\": 2", "\"interface_version\": 3")]
    [InlineData("\"lcard-1\"", "\"lcard-2\"")]
    [InlineData("\"lcard-1\"", "\"anywhere\"")]
    [InlineData("\"type\": \"text\"", "\"type\": \"checkbox\"")]
    [InlineData("\"installation\": true", "\"installation\": \"Y\"")]
    [InlineData("\"locale\": [\"en\", \"es\"]", "\"locale\": []")]
    [InlineData("\"locations\":", "\"colour\": 1,\n  \"locations\":")]
    public void Broken_manifests_are_invalid(string from, string to)
    {
        Assert.Contains(from, TestWidget.ValidManifest);
        Assert.False(Evaluate(TestWidget.ValidManifest.Replace(from, to)).IsValid);
    }

    private static string Describe(EvaluationResults r) =>
        string.Join("; ", (r.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation + " " + string.Join(",", d.Errors!.Values)));
}
