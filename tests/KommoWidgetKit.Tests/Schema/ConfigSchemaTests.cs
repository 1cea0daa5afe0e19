using System.Text.Json.Nodes;
using Json.Schema;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Schema;

/// <summary>schemas/kommo-widget.schema.json agrees with what WidgetConfig accepts, the dev block included.</summary>
public class ConfigSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.Combine("schemas", "kommo-widget.schema.json"))));

    private static bool Valid(string json) => Schema.Value.Evaluate(JsonNode.Parse(json)).IsValid;

    [Theory]
    [InlineData("{ \"platform\": \"amocrm\", \"profile\": \"public\", \"rules\": { \"KW1022\": \"off\", \"junk-file\": \"error\" } }")]
    [InlineData("{ \"$schema\": \"x\", \"dev\": { \"settings\": { \"api_key\": \"k\", \"users\": { \"9000001\": \"101\" }, \"opts\": [1] }, \"installed\": true } }")]
    [InlineData("{ \"dev\": { \"installed\": false } }")]
    public void Accepted_configurations_are_valid(string json) => Assert.True(Valid(json), json);

    [Theory]
    [InlineData("{ \"colour\": 1 }")]
    [InlineData("{ \"rules\": { \"KW1003\": \"loud\" } }")]
    [InlineData("{ \"dev\": true }")]
    [InlineData("{ \"dev\": { \"installed\": \"yes\" } }")]
    [InlineData("{ \"dev\": { \"settings\": { \"api_key\": 42 } } }")]
    [InlineData("{ \"dev\": { \"colour\": 1 } }")]
    public void Refused_configurations_are_invalid(string json) => Assert.False(Valid(json), json);

    [Fact]
    public void Every_sample_configuration_is_valid()
    {
        foreach (var sample in Directory.GetDirectories(RepoPaths.Combine("samples")))
        {
            string file = Path.Combine(sample, "kommo-widget.json");
            if (File.Exists(file)) Assert.True(Valid(File.ReadAllText(file)), file);
        }
    }
}
