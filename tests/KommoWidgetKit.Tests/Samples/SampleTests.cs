using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Samples;

public class SampleTests
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string HelloKommo => Path.Combine(RepoRoot, "samples", "hello-kommo");

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Hello_kommo_validates_clean(WidgetProfile profile)
    {
        var widget = WidgetLoader.Load(HelloKommo);
        var result = WidgetValidator.Validate(widget, new ValidationOptions { Profile = profile });
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => $"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}")));
        Assert.Equal(WidgetPlatform.Kommo, result.Platform);
    }

    [Fact]
    public void Hello_kommo_conforms_to_the_spec()
    {
        var widget = WidgetLoader.Load(HelloKommo);
        SpecConformance.AssertConforms(widget);
        Assert.Equal(["en", "es", "pt"], widget.Manifest!.Locales);
        Assert.Contains("get_settings().greeting", widget.Script!.Text);
        Assert.Equal("greeting", Assert.Single(widget.Manifest.Settings).Code);
    }

    [Fact]
    public void Hello_kommo_packs_without_its_development_files_and_validates_the_same()
    {
        var widget = WidgetLoader.Load(HelloKommo);
        using var ms = new MemoryStream();
        var result = WidgetPacker.Pack(widget, new PackOptions { UseSourceDateEpoch = false }, ms);
        Assert.DoesNotContain(result.Files, f => f.Path is "README.md" or "kommo-widget.json");
        var back = WidgetLoader.LoadZip(new MemoryStream(ms.ToArray()), "widget.zip");
        foreach (var profile in new[] { WidgetProfile.Private, WidgetProfile.Public })
            Assert.Empty(WidgetValidator.Validate(back, new ValidationOptions { Profile = profile }).Diagnostics);
    }
}
