using KommoWidgetKit.Caching;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Caching;

public class ValidationCacheTests
{
    // A widget with findings of several kinds: a JSON pointer (manifest), a script position, and a file-level one.
    private static TestWidget WithFindings() => TestWidget.Valid()
        .EditManifest("\"version\": \"1.0.0\"", "\"version\": \"1.0.0\", \"version\": \"1.0.1\"")
        .Set("script.js", TestWidget.ValidScript + "\neval('1');\n")
        .Set("i18n/en.json", "\uFEFF" + TestWidget.ValidI18nEn);

    private static ValidationResult Validate(string folder, WidgetCache? cache, ValidationOptions? options = null) =>
        WidgetValidator.Validate(WidgetLoader.Load(folder), (options ?? ValidationOptions.Default) with { Cache = cache });

    private static void AssertSame(ValidationResult expected, ValidationResult actual)
    {
        Assert.Equal(expected.Platform, actual.Platform);
        Assert.Equal(expected.Profile, actual.Profile);
        Assert.Equal(expected.PlatformSource, actual.PlatformSource);
        Assert.Equal(expected.Config.Platform, actual.Config.Platform);
        Assert.Equal(expected.Diagnostics.Count, actual.Diagnostics.Count);
        for (int i = 0; i < expected.Diagnostics.Count; i++)
        {
            var (e, a) = (expected.Diagnostics[i], actual.Diagnostics[i]);
            Assert.Same(e.Descriptor, a.Descriptor);
            Assert.Equal(e.Severity, a.Severity);
            Assert.Equal(e.Message, a.Message);
            Assert.Equal(e.Span, a.Span);
        }
    }

    [Fact]
    public void An_unchanged_widget_gets_its_findings_back_from_the_cache_without_repairs()
    {
        using var tmp = new TempFolder();
        string folder = WithFindings().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));

        var fresh = Validate(folder, null);
        var first = Validate(folder, cache);
        var second = Validate(folder, cache);

        Assert.Contains(fresh.Diagnostics, d => d.Span.JsonPointer is not null);
        Assert.Contains(fresh.Diagnostics, d => d.Span.Path == "script.js" && d.Span.HasPosition);
        Assert.Contains(fresh.Diagnostics, d => d.Fix is not null);
        AssertSame(fresh, first);
        AssertSame(fresh, second);
        // The first run validated (its repairs are there); the second read the record back (findings carry none).
        Assert.Contains(first.Diagnostics, d => d.Fix is not null);
        Assert.All(second.Diagnostics, d => Assert.Null(d.Fix));
        Assert.Single(Directory.GetFiles(Path.Combine(cache.Directory, "validation")));
    }

    [Fact]
    public void A_changed_byte_in_any_file_validates_again()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        Assert.Empty(Validate(folder, cache).Diagnostics);
        Assert.Empty(Validate(folder, cache).Diagnostics);

        // Same length, one byte different: a trailing comma in the manifest.
        string manifest = Path.Combine(folder, "manifest.json");
        string text = File.ReadAllText(manifest);
        int last = text.LastIndexOf('}');
        File.WriteAllText(manifest, text[..(last - 1)] + "," + text[last..]);
        var after = Validate(folder, cache);
        AssertSame(Validate(folder, null), after);
        Assert.NotEmpty(after.Diagnostics);

        // A new file the rules care about (a template with an error), and back again.
        File.WriteAllText(Path.Combine(folder, "manifest.json"), text);
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "templates", "x.twig"), "{% if a %}");
        AssertSame(Validate(folder, null), Validate(folder, cache));
        File.Delete(Path.Combine(folder, "templates", "x.twig"));
        Assert.Empty(Validate(folder, cache).Diagnostics);
    }

    [Fact]
    public void Other_options_are_other_results()
    {
        using var tmp = new TempFolder();
        string folder = WithFindings().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        var plain = Validate(folder, cache);
        var off = new ValidationOptions { RuleSeverities = new Dictionary<string, Severity> { [plain.Diagnostics[0].Id] = Severity.Off } };
        var withOff = Validate(folder, cache, off);
        Assert.DoesNotContain(withOff.Diagnostics, d => d.Id == plain.Diagnostics[0].Id);
        var amo = Validate(folder, cache, new ValidationOptions { Platform = WidgetPlatform.AmoCrm, Profile = WidgetProfile.Public });
        Assert.Equal(WidgetPlatform.AmoCrm, amo.Platform);
        Assert.Equal(WidgetProfile.Public, amo.Profile);
        AssertSame(WidgetValidator.Validate(WidgetLoader.Load(folder), new ValidationOptions { Platform = WidgetPlatform.AmoCrm, Profile = WidgetProfile.Public }), amo);
        // And each comes back as it was.
        AssertSame(plain, Validate(folder, cache));
        AssertSame(withOff, Validate(folder, cache, off));
    }

    [Fact]
    public void A_damaged_or_truncated_record_is_a_miss_and_is_written_again()
    {
        using var tmp = new TempFolder();
        string folder = WithFindings().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        var fresh = Validate(folder, cache);
        string record = Directory.GetFiles(Path.Combine(cache.Directory, "validation")).Single();
        byte[] good = File.ReadAllBytes(record);

        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x20;
        File.WriteAllBytes(record, flipped);
        var afterFlip = Validate(folder, cache);
        AssertSame(fresh, afterFlip);
        Assert.Contains(afterFlip.Diagnostics, d => d.Fix is not null); // validated again
        Assert.Equal(good, File.ReadAllBytes(record));

        File.WriteAllBytes(record, good[..(good.Length - 3)]);
        Assert.Contains(Validate(folder, cache).Diagnostics, d => d.Fix is not null);
        File.WriteAllBytes(record, []);
        Assert.Contains(Validate(folder, cache).Diagnostics, d => d.Fix is not null);
        AssertSame(fresh, Validate(folder, cache));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_only_means_no_cache()
    {
        using var tmp = new TempFolder();
        string folder = WithFindings().WriteTo(tmp.Combine("w"));
        // A file where the cache folder should be: nothing can be created under it.
        string blocked = tmp.Combine("blocked");
        File.WriteAllText(blocked, "not a folder");
        var cache = new WidgetCache(Path.Combine(blocked, "cache"));
        var fresh = Validate(folder, null);
        AssertSame(fresh, Validate(folder, cache));
        AssertSame(fresh, Validate(folder, cache));
        Assert.Equal("not a folder", File.ReadAllText(blocked));
    }

    [Fact]
    public void Load_issues_are_part_of_the_key()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        Assert.Empty(Validate(folder, cache).Diagnostics);
        // A symbolic link is not followed and not a file, but a load issue (a finding): the files alone are unchanged.
        File.CreateSymbolicLink(Path.Combine(folder, "link.js"), "/etc/hostname");
        var withLink = Validate(folder, cache);
        Assert.NotEmpty(withLink.Diagnostics);
        AssertSame(Validate(folder, null), withLink);
    }

    [Fact]
    public void The_environment_chooses_the_folder_or_turns_the_cache_off()
    {
        string? Env(string name, Dictionary<string, string> values) => values.GetValueOrDefault(name);
        var home = new Dictionary<string, string> { ["HOME"] = "/home/u" };
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS())
        {
            Assert.Equal("/home/u/.cache/kommo-widget", WidgetCache.FromEnvironment(n => Env(n, home))!.Directory);
            var xdg = new Dictionary<string, string> { ["HOME"] = "/home/u", ["XDG_CACHE_HOME"] = "/var/cache/u" };
            Assert.Equal("/var/cache/u/kommo-widget", WidgetCache.FromEnvironment(n => Env(n, xdg))!.Directory);
            var relativeXdg = new Dictionary<string, string> { ["HOME"] = "/home/u", ["XDG_CACHE_HOME"] = "rel" };
            Assert.Equal("/home/u/.cache/kommo-widget", WidgetCache.FromEnvironment(n => Env(n, relativeXdg))!.Directory);
            Assert.Null(WidgetCache.FromEnvironment(n => null));
        }
        var set = new Dictionary<string, string> { ["HOME"] = "/home/u", [WidgetCache.DirectoryVariable] = "/tmp/kw-cache" };
        Assert.Equal(Path.GetFullPath("/tmp/kw-cache"), WidgetCache.FromEnvironment(n => Env(n, set))!.Directory);
        var off = new Dictionary<string, string>(set) { [WidgetCache.DisableVariable] = "1" };
        Assert.Null(WidgetCache.FromEnvironment(n => Env(n, off)));
        var zero = new Dictionary<string, string>(set) { [WidgetCache.DisableVariable] = "0" };
        Assert.NotNull(WidgetCache.FromEnvironment(n => Env(n, zero)));
    }
}
