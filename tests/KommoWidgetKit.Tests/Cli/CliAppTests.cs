using System.Text.Json;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public void Version_prints_the_informational_version()
    {
        var run = CliFixture.Run("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliVersion.Informational + "\n", run.Out);
        Assert.StartsWith("0.", run.Out);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("validate", "--help")]
    [InlineData("info", "--help")]
    [InlineData("logos", "--help")]
    [InlineData("validate", "-h")]
    public void Help_is_available_on_every_command(params string[] args)
    {
        var run = CliFixture.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Out);
        Assert.Contains("Description:", run.Out);
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var run = CliFixture.Run("--help");
        Assert.Contains("validate", run.Out);
        Assert.Contains("info", run.Out);
        Assert.Contains("logos", run.Out);
    }

    [Fact]
    public void Validate_help_describes_every_option()
    {
        var run = CliFixture.Run("validate", "--help");
        foreach (var option in new[] { "--format", "--output", "--platform", "--profile", "--rule", "--fail-on", "--no-color", "text|json|sarif|github", "ID=SEVERITY" })
            Assert.Contains(option, run.Out);
    }

    [Fact]
    public void Unknown_command_exits_2_with_a_hint()
    {
        var run = CliFixture.Run("valdate", ".");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'valdate'", run.Error);
        Assert.Contains("did you mean 'validate'", run.Error);
        Assert.Contains("kommo-widget --help", run.Error);
    }

    [Fact]
    public void Unknown_option_exits_2_with_a_hint()
    {
        var run = CliFixture.Run("info", "--fromat", "json");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("did you mean '--format'", run.Error);
    }

    [Fact]
    public void No_command_exits_2()
    {
        var run = CliFixture.Run();
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("kommo-widget --help", run.Error);
    }
}

public sealed class InfoCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static TestWidget Rich() => TestWidget.Valid()
        .EditManifest("\"locations\": [\"lcard-1\", \"settings\"],", "\"locations\": [\"lcard-1\", \"llist-0\", \"settings\", \"digital_pipeline\"],")
        .EditManifest("\"settings\": {", "\"dp\": { \"settings\": {}, \"action_multiple\": false },\n  \"settings\": {")
        .Set("images/logo_dp.png", TestWidget.Png(174, 109))
        .Set("kommo-widget.json", """{ "rules": { "KW1003": "off" } }""")
        .Set(".DS_Store", "junk");

    [Fact]
    public void Text_shows_names_locations_settings_blocks_logos_and_files()
    {
        string path = _fx.Folder(Rich());
        var run = CliFixture.Run("info", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        string o = run.Out;
        Assert.Contains("en: Test Widget", o);
        Assert.Contains("es: Widget de prueba", o);
        Assert.Contains("1.0.0", o);
        Assert.Contains("kommo (inferred: no ru locale)", o);
        Assert.Contains("lcard-1", o);
        Assert.Contains("lead card: right-panel block", o);
        Assert.Contains("leads list: no panel block", o);
        Assert.Contains("api_key", o);
        Assert.Contains("text, required", o);
        Assert.Contains("\"API key\"", o);
        Assert.Contains("dp ", o);
        Assert.Contains("action_multiple false", o);
        Assert.Contains("images/logo_main.png", o);
        Assert.Contains("400×272 png", o);
        Assert.Contains("images/logo_dp.png", o);
        Assert.Contains("script.js", o);
        Assert.DoesNotContain("BAD", o);
    }

    [Fact]
    public void Text_lists_the_files_pack_leaves_out_with_why_as_pack_dry_run_does()
    {
        string path = _fx.Folder(Rich().Set("package.json", "{}"));
        var run = CliFixture.Run("info", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        string shipped = run.Out[run.Out.IndexOf("files pack would ship", StringComparison.Ordinal)..run.Out.IndexOf("left out (3):", StringComparison.Ordinal)];
        Assert.Contains("script.js", shipped);
        Assert.DoesNotContain("package.json", shipped);
        Assert.DoesNotContain(".DS_Store", shipped);
        Assert.DoesNotContain("kommo-widget.json", shipped);
        Assert.Contains("  .DS_Store  (junk: ", run.Out);
        Assert.Contains("  kommo-widget.json  (kommo-widget configuration (never shipped))", run.Out);
        Assert.Contains("  package.json  (npm manifest", run.Out);

        var dryRun = CliFixture.Run("pack", path, "--dry-run", "-o", Path.Combine(_fx.Root, "w.zip"));
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        string Listing(string text) => text[text.IndexOf('\n', text.IndexOf(text.Contains("would pack") ? "would pack" : "files pack would ship", StringComparison.Ordinal)) ..];
        Assert.Equal(Listing(dryRun.Out), Listing(run.Out));
    }

    [Fact]
    public void Json_is_a_document_of_the_same_facts()
    {
        string path = _fx.Folder(Rich());
        var run = CliFixture.Run("info", path, "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("Test Widget", root.GetProperty("names").GetProperty("en").GetString());
        Assert.Equal("Widget de prueba", root.GetProperty("names").GetProperty("es").GetString());
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("code").ValueKind);
        Assert.Equal("kommo", root.GetProperty("platform").GetProperty("name").GetString());
        Assert.Equal(["en", "es"], root.GetProperty("locales").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        var lcard = root.GetProperty("locations").EnumerateArray().First();
        Assert.Equal("lcard-1", lcard.GetProperty("entry").GetString());
        Assert.True(lcard.GetProperty("rightPanel").GetBoolean());
        var setting = Assert.Single(root.GetProperty("settings").EnumerateArray());
        Assert.Equal("api_key", setting.GetProperty("code").GetString());
        Assert.True(setting.GetProperty("required").GetBoolean());
        Assert.Equal("Clave API", setting.GetProperty("labels").GetProperty("es").GetString());
        Assert.Contains(root.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("name").GetString() == "dp");
        Assert.Equal(6, root.GetProperty("logos").GetArrayLength());
        Assert.All(root.GetProperty("logos").EnumerateArray(), l => Assert.True(l.GetProperty("ok").GetBoolean()));
        var files = root.GetProperty("pack").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("manifest.json", files);
        Assert.DoesNotContain("kommo-widget.json", files);
        Assert.DoesNotContain(".DS_Store", files);
        var excluded = root.GetProperty("pack").GetProperty("excluded").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("reason").GetString()!);
        Assert.Equal([".DS_Store", "kommo-widget.json"], excluded.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("junk: ", excluded[".DS_Store"]);
        Assert.Contains("never shipped", excluded["kommo-widget.json"]);
        Assert.Equal(root.GetProperty("pack").GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("bytes").GetInt64()),
            root.GetProperty("pack").GetProperty("totalBytes").GetInt64());
    }

    [Fact]
    public void Works_on_a_zip_and_reports_missing_logos()
    {
        string zip = _fx.Zip(TestWidget.Valid().Remove("images/logo_min.png"));
        var run = CliFixture.Run("info", zip);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(zip archive)", run.Out);
        Assert.Contains("missing", run.Out.Split('\n').Single(l => l.Contains("images/logo_min.png")));
    }

    [Fact]
    public void Widget_without_manifest_still_lists_files()
    {
        string path = _fx.Folder(TestWidget.Empty().Set("script.js", "define([], function () {});"));
        var run = CliFixture.Run("info", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("manifest.json is missing", run.Out);
        Assert.Contains("script.js", run.Out);
    }
}
