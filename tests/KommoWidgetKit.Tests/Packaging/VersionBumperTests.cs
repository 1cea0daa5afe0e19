using System.Text;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Packaging;

public class VersionBumperTests
{
    [Theory]
    [InlineData("1.2.3", VersionBump.Patch, "1.2.4")]
    [InlineData("1.2.3", VersionBump.Minor, "1.3.0")]
    [InlineData("1.2.3", VersionBump.Major, "2.0.0")]
    [InlineData("1.0", VersionBump.Patch, "1.0.1")]
    [InlineData("1.0", VersionBump.Minor, "1.1")]
    [InlineData("1.0", VersionBump.Major, "2.0")]
    [InlineData("7", VersionBump.Patch, "7.0.1")]
    [InlineData("7", VersionBump.Minor, "7.1")]
    [InlineData("7", VersionBump.Major, "8")]
    [InlineData("1.2.3.4", VersionBump.Patch, "1.2.4.0")]
    [InlineData("1.9.9", VersionBump.Patch, "1.9.10")]
    public void Next_version(string version, VersionBump bump, string expected) =>
        Assert.Equal(expected, VersionBumper.Next(version, bump));

    [Theory]
    [InlineData("1.0-beta")]
    [InlineData("v1.0")]
    [InlineData("")]
    [InlineData("1..2")]
    [InlineData("1.2.3.4.5")]
    [InlineData(" 1.0")]
    public void Non_numeric_versions_are_refused(string version)
    {
        Assert.Null(VersionBumper.Next(version, VersionBump.Patch));
        var manifest = Encoding.UTF8.GetBytes($$"""{ "widget": { "version": "{{version}}" } }""");
        var ex = Assert.Throws<PackException>(() => VersionBumper.Bump(manifest, VersionBump.Patch));
        Assert.Contains("cannot be bumped", ex.Message);
    }

    [Fact]
    public void Only_the_version_bytes_change()
    {
        // BOM, CRLF, tabs, odd spacing, non-ASCII text before the version and a second "version" elsewhere.
        string text = "\uFEFF{\r\n\t\"note\": \"caf\u00e9 \U0001F600\",  \"widget\" :{\"name\":\"n\",\r\n\t\t\"version\"  :  \"1.0\" ,\"x\":1},\r\n\"other\": {\"version\": \"9.9.9\"}\r\n}\r\n";
        var before = new UTF8Encoding(false).GetBytes(text);
        var result = VersionBumper.Bump(before, VersionBump.Patch);
        Assert.Equal("1.0", result.OldVersion);
        Assert.Equal("1.0.1", result.NewVersion);
        Assert.Equal(text.Replace("\"1.0\"", "\"1.0.1\""), new UTF8Encoding(false).GetString(result.Manifest));
        Assert.Equal(0xEF, result.Manifest[0]);
    }

    [Fact]
    public void A_missing_or_non_string_version_is_refused()
    {
        Assert.Throws<PackException>(() => VersionBumper.Bump("{ \"widget\": {} }"u8.ToArray(), VersionBump.Patch));
        Assert.Throws<PackException>(() => VersionBumper.Bump("{ \"widget\": { \"version\": 1 } }"u8.ToArray(), VersionBump.Patch));
        Assert.Throws<PackException>(() => VersionBumper.Bump("{ \"widget\": "u8.ToArray(), VersionBump.Patch));
    }

    [Fact]
    public void Bump_on_disk_rewrites_the_manifest_and_refuses_a_zip()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        var result = VersionBumper.BumpOnDisk(WidgetLoader.Load(folder), VersionBump.Minor);
        Assert.Equal(("1.0.0", "1.1.0"), (result.OldVersion, result.NewVersion));
        Assert.Equal(TestWidget.ValidManifest.Replace("\r\n", "\n").Replace("\"1.0.0\"", "\"1.1.0\""), File.ReadAllText(Path.Combine(folder, "manifest.json")));

        string zip = tmp.Combine("w.zip");
        WidgetPacker.PackToFile(WidgetLoader.Load(folder), null, zip);
        var ex = Assert.Throws<PackException>(() => VersionBumper.BumpOnDisk(WidgetLoader.Load(zip), VersionBump.Patch));
        Assert.Contains(".zip", ex.Message);
    }
}
