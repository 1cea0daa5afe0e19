using System.Text.Json;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Reporting;

public class SarifStructureTests
{
    private static JsonElement Run(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var root = doc.RootElement.Clone();
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        return Assert.Single(root.GetProperty("runs").EnumerateArray());
    }

    private static string RealSarif(ValidationResult result, ReportSource source)
    {
        var writer = new StringWriter();
        WidgetReporter.Write(writer, result, source, ReportFormat.Sarif, new ReportOptions { ToolVersion = "1.2.3" });
        return writer.ToString();
    }

    [Fact]
    public void Driver_lists_every_rule_of_the_catalog_with_its_metadata()
    {
        var run = Run(RealSarif(ReportFixture.Clean(), ReportFixture.Folder));
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("kommo-widget", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var props = rule.GetProperty("properties");
            Assert.Contains(props.GetProperty("category").GetString(), new[] { "manifest", "script", "i18n", "images", "templates", "archive" });
            Assert.Contains(props.GetProperty("platform").GetString(), new[] { "kommo", "amocrm", "both" });
            Assert.Contains(props.GetProperty("profile").GetString(), new[] { "private", "public", "both" });
        }
    }

    [Fact]
    public void Results_of_a_real_validation_point_at_their_rules_with_one_based_regions()
    {
        // Invalid JSON, a duplicate key and junk: findings with and without a position.
        var widget = TestWidget.Valid()
            .EditManifest("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"1.0.1\",")
            .Set(".DS_Store", "x")
            .Load();
        var result = WidgetValidator.Validate(widget);
        Assert.NotEmpty(result.Diagnostics);
        var run = Run(RealSarif(result, ReportFixture.Folder));
        AssertResultsWellFormed(run, result);
    }

    [Fact]
    public void Fixture_results_are_well_formed_for_folders_and_zips()
    {
        foreach (var source in new[] { ReportFixture.Folder, ReportFixture.Zip })
        {
            var writer = new StringWriter();
            WidgetReporter.Write(writer, ReportFixture.Result(), source, ReportFormat.Sarif, ReportFixture.Options());
            AssertResultsWellFormed(Run(writer.ToString()), ReportFixture.Result());
        }
    }

    [Fact]
    public void Locations_are_repository_relative_and_encoded()
    {
        var run = Run(ReportFixture.Render(ReportFormat.Sarif, ReportFixture.Result(), ReportFixture.Folder));
        var uris = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .ToList();
        Assert.Contains("samples/hello/manifest.json", uris);
        Assert.Contains("samples/hello/images/logo%20copy.png", uris);
        Assert.Contains("samples/hello", uris);
        Assert.Equal("file:///repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());

        var zip = Run(ReportFixture.Render(ReportFormat.Sarif, ReportFixture.Result(), ReportFixture.Zip));
        foreach (var r in zip.GetProperty("results").EnumerateArray())
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("dist/widget.zip", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.False(physical.TryGetProperty("region", out _));
        }
    }

    private static void AssertResultsWellFormed(JsonElement run, ValidationResult result)
    {
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Diagnostics.Count, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var d = result.Diagnostics[i];
            string ruleId = r.GetProperty("ruleId").GetString()!;
            Assert.Equal(d.Id, ruleId);
            int index = r.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ruleId, rules[index].GetProperty("id").GetString());
            string expectedLevel = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
            Assert.Equal(expectedLevel, r.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));

            var physical = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            string uri = artifact.GetProperty("uri").GetString()!;
            Assert.False(uri.Contains('\\'));
            if (artifact.TryGetProperty("uriBaseId", out var baseId))
            {
                Assert.Equal("%SRCROOT%", baseId.GetString());
                Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _), $"relative uri expected: {uri}");
            }
            if (physical.TryGetProperty("region", out var region))
            {
                Assert.True(d.Span.HasPosition);
                int startLine = region.GetProperty("startLine").GetInt32();
                Assert.True(startLine >= 1);
                if (region.TryGetProperty("startColumn", out var sc)) Assert.True(sc.GetInt32() >= 1);
                if (region.TryGetProperty("endLine", out var el)) Assert.True(el.GetInt32() >= startLine);
                if (region.TryGetProperty("endColumn", out var ec)) Assert.True(ec.GetInt32() >= 1);
            }
            else
            {
                Assert.True(!d.Span.HasPosition || artifact.GetProperty("uri").GetString()!.EndsWith(".zip", StringComparison.Ordinal));
            }
        }
    }
}
