using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Cli;

/// <summary><c>kommo-widget loader</c>: the archive carries manifest, i18n and images and a script.js that loads the live
/// widget, validates clean, is reproducible and records the hash of what only an upload can change.</summary>
public sealed class LoaderCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static TestWidget Rich() => TestWidget.Valid()
        .Set("templates/panel.twig", "<div>{{ x }}</div>")
        .Set("style.css", ".w { color: red; }")
        .Set(".kommoignore", "images/*.psd\n")
        .Set("images/source.psd", "not shipped")
        .Set(WidgetConfig.FileName, "{ \"dev\": { \"settings\": { \"api_key\": \"k\" } } }");

    [Fact]
    public void The_archive_holds_manifest_i18n_images_and_the_loader_script_validates_clean_and_carries_the_hash()
    {
        string path = _fx.Folder(Rich());
        string zip = Path.Combine(_fx.Root, "loader.zip");
        var run = CliFixture.Run("loader", path, "-o", zip);
        Assert.True(run.ExitCode == 0, run.ToString());

        using var archive = ZipFile.OpenRead(zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("manifest.json", names);
        Assert.Contains("i18n/en.json", names);
        Assert.Contains("i18n/es.json", names);
        Assert.Contains("images/logo.png", names);
        Assert.Contains("script.js", names);
        Assert.DoesNotContain("templates/panel.twig", names);
        Assert.DoesNotContain("style.css", names);
        Assert.DoesNotContain("images/source.psd", names);
        Assert.DoesNotContain(WidgetConfig.FileName, names);
        Assert.All(names, n => Assert.True(DevLoader.IsUploadFile(n) || n == "script.js", n));

        // The files Kommo reads are the widget's own, byte for byte.
        var source = WidgetLoader.Load(path);
        Assert.Equal(source.GetFile("manifest.json")!.Content.ToArray(), Read(archive, "manifest.json"));

        // script.js is an AMD module loading the live widget from the default address, with the hash of the upload files.
        string script = Encoding.UTF8.GetString(Read(archive, "script.js"));
        string hash = DevLoader.UploadHash(source);
        Assert.Equal(hash, DevLoader.RecordedHash(script));
        Assert.Contains($"define(['https://localhost:5174/__kommo/loader/widget.js?upload={hash}']", script);
        Assert.Contains(hash, run.Out);
        Assert.Contains("--https-port 5174", run.Out);

        // It validates clean: the one note is that its callbacks live in the remote module (KW2007, info).
        var loaded = WidgetLoader.Load(zip);
        var result = WidgetValidator.Validate(loaded);
        Assert.True(result.Diagnostics.All(d => d.Severity == Severity.Info), string.Join("\n", result.Diagnostics));
        Assert.Equal([RuleIds.CallbacksDynamic], result.Diagnostics.Select(d => d.Id));
        Assert.Equal(0, CliFixture.Run("validate", zip, "--fail-on", "warning").ExitCode);

        // Reproducible: the same input gives the same bytes.
        string again = Path.Combine(_fx.Root, "again.zip");
        Assert.Equal(0, CliFixture.Run("loader", path, "-o", again).ExitCode);
        Assert.Equal(File.ReadAllBytes(zip), File.ReadAllBytes(again));
    }

    [Fact]
    public void The_hash_changes_with_manifest_i18n_and_images_only()
    {
        string Hash(TestWidget w) => DevLoader.UploadHash(w.Load());
        string baseline = Hash(Rich());
        Assert.Equal(baseline, Hash(Rich().Set("templates/panel.twig", "<p>changed</p>").Set("script.js", "define([], function () { return function () {}; });")));
        Assert.Equal(baseline, Hash(Rich().Set("images/source.psd", "ignored by .kommoignore")));
        Assert.NotEqual(baseline, Hash(Rich().EditManifest("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")));
        Assert.NotEqual(baseline, Hash(Rich().Set("i18n/en.json", "{}")));
        Assert.NotEqual(baseline, Hash(Rich().Set("images/extra.png", TestWidget.Png(2, 2))));
    }

    [Fact]
    public void Url_names_the_dev_host_and_the_script_points_at_it()
    {
        string path = _fx.Folder(Rich());
        string zip = Path.Combine(_fx.Root, "l.zip");
        var run = CliFixture.Run("loader", path, "--url", "https://localhost:7443/", "-o", zip);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var archive = ZipFile.OpenRead(zip);
        string script = Encoding.UTF8.GetString(Read(archive, "script.js"));
        Assert.Contains("'https://localhost:7443/__kommo/loader/widget.js?upload=", script);
        Assert.Contains("kommo-widget dev --https-port 7443", script);
    }

    [Fact]
    public void A_widget_with_errors_is_refused_and_nothing_is_written()
    {
        string path = _fx.Folder(TestWidget.Valid().Remove("i18n/es.json"));
        string zip = Path.Combine(_fx.Root, "loader.zip");
        var run = CliFixture.Run("loader", path, "-o", zip);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("loader refused", run.Error);
        Assert.False(File.Exists(zip));
    }

    [Theory]
    [InlineData("ftp://localhost:5174")]
    [InlineData("localhost:5174")]
    [InlineData("https://localhost:5174/widget")]
    [InlineData("https://localhost:5174/?a=1")]
    public void A_bad_url_is_a_usage_error(string url)
    {
        string path = _fx.Folder(TestWidget.Valid());
        string error = CliFixture.Run("loader", path, "--url", url).AssertUsageError("loader");
        Assert.Contains("--url must be", error);
    }

    private static byte[] Read(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
