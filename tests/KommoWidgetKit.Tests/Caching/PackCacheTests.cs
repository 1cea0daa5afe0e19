using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Caching;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Caching;

public class PackCacheTests
{
    private static TestWidget Widget()
    {
        var w = TestWidget.Valid();
        for (int i = 0; i < 12; i++)
            w.Set($"js/module{i}.js", $"define('module{i}', [], function () {{\n" + string.Concat(Enumerable.Repeat($"  var value{i} = 'text {i}';\n", 40)) + "  return {};\n});\n");
        return w;
    }

    private static (byte[] Zip, PackResult Result) Pack(Widget widget, WidgetCache? cache)
    {
        using var ms = new MemoryStream();
        var result = WidgetPacker.Pack(widget, new PackOptions { UseSourceDateEpoch = false, Cache = cache }, ms);
        return (ms.ToArray(), result);
    }

    [Fact]
    public void Packing_again_takes_every_entry_from_the_cache_and_writes_the_same_bytes()
    {
        using var tmp = new TempFolder();
        string folder = Widget().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));

        var (plain, plainResult) = Pack(WidgetLoader.Load(folder), null);
        var (first, firstResult) = Pack(WidgetLoader.Load(folder), cache);
        var (second, secondResult) = Pack(WidgetLoader.Load(folder), cache);
        // Deferred content: nothing but the hashes was read, and packing from the cache reads no file again.
        var deferred = WidgetLoader.Load(folder, new WidgetLoadOptions { DeferContent = true });
        var (third, thirdResult) = Pack(deferred, cache);

        Assert.Equal(plain, first);
        Assert.Equal(plain, second);
        Assert.Equal(plain, third);
        Assert.Equal(0, plainResult.ReusedEntries);
        Assert.Equal(0, firstResult.ReusedEntries);
        Assert.Equal(secondResult.Files.Count, secondResult.ReusedEntries);
        Assert.Equal(thirdResult.Files.Count, thirdResult.ReusedEntries);
        Assert.Equal(plainResult.Sha256, thirdResult.Sha256);
        Assert.Equal(Deflater.Name, thirdResult.Compressor);
        // Stored entries (the PNGs do not shrink) come from the cache too.
        Assert.Contains(thirdResult.Files, f => !f.Deflated);
    }

    [Fact]
    public void A_changed_file_is_compressed_again_and_only_that_one()
    {
        using var tmp = new TempFolder();
        string folder = Widget().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        Pack(WidgetLoader.Load(folder), cache);

        File.AppendAllText(Path.Combine(folder, "js", "module3.js"), "// changed\n");
        File.WriteAllText(Path.Combine(folder, "js", "added.js"), "define([], function () { return 1; });\n");
        File.Delete(Path.Combine(folder, "js", "module5.js"));
        var (cached, result) = Pack(WidgetLoader.Load(folder), cache);
        var (plain, _) = Pack(WidgetLoader.Load(folder), null);

        Assert.Equal(plain, cached);
        Assert.Equal(result.Files.Count - 2, result.ReusedEntries);
        using var zip = new ZipArchive(new MemoryStream(cached));
        Assert.EndsWith("// changed\n", new StreamReader(zip.GetEntry("js/module3.js")!.Open()).ReadToEnd());
        Assert.Null(zip.GetEntry("js/module5.js"));
        // The record now holds this pack's entries: a third pack reuses all of them.
        Assert.Equal(result.Files.Count, Pack(WidgetLoader.Load(folder), cache).Result.ReusedEntries);
    }

    [Fact]
    public void A_damaged_record_is_ignored_and_the_archive_is_the_same()
    {
        using var tmp = new TempFolder();
        string folder = Widget().WriteTo(tmp.Combine("w"));
        var cache = new WidgetCache(tmp.Combine("cache"));
        var (plain, _) = Pack(WidgetLoader.Load(folder), cache);
        string record = Directory.GetFiles(Path.Combine(cache.Directory, "deflate")).Single();
        byte[] good = File.ReadAllBytes(record);

        foreach (var damaged in new[] { good[..(good.Length / 2)], Flip(good, good.Length / 3), Flip(good, 7), Array.Empty<byte>(), Encoding.ASCII.GetBytes("KWC1") })
        {
            File.WriteAllBytes(record, damaged);
            var (zip, result) = Pack(WidgetLoader.Load(folder), cache);
            Assert.Equal(plain, zip);
            Assert.Equal(0, result.ReusedEntries);
        }
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= 0x01;
        return copy;
    }

    [Fact]
    public void A_file_changed_after_it_was_hashed_is_refused_when_its_bytes_are_needed()
    {
        using var tmp = new TempFolder();
        string folder = Widget().WriteTo(tmp.Combine("w"));
        var widget = WidgetLoader.Load(folder, new WidgetLoadOptions { DeferContent = true });
        var file = widget.GetFile("js/module1.js")!;
        File.AppendAllText(Path.Combine(folder, "js", "module1.js"), "// later\n");
        var ex = Assert.Throws<WidgetLoadException>(() => file.Content);
        Assert.Equal("'js/module1.js' changed while kommo-widget was reading the widget; run it again", ex.Message);

        // Unchanged files read fine, with the hash they were listed with.
        var manifest = widget.GetFile("manifest.json")!;
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "manifest.json")), manifest.Content.ToArray());
        Assert.Equal(System.IO.Hashing.XxHash128.HashToUInt128(manifest.Content.Span), manifest.ContentHash);
    }

    [Fact]
    public void Deferred_and_eager_loads_give_the_same_widget_and_findings()
    {
        using var tmp = new TempFolder();
        string folder = Widget().Set("script.js", TestWidget.ValidScript + "\neval('x');\n").WriteTo(tmp.Combine("w"));
        var eager = WidgetLoader.Load(folder);
        var deferred = WidgetLoader.Load(folder, new WidgetLoadOptions { DeferContent = true });
        Assert.Equal(eager.Files.Select(f => (f.Path, f.Length, f.ContentHash)), deferred.Files.Select(f => (f.Path, f.Length, f.ContentHash)));
        var a = Validation.WidgetValidator.Validate(eager).Diagnostics.Select(d => (d.Id, d.Message, d.Span)).ToList();
        var b = Validation.WidgetValidator.Validate(deferred).Diagnostics.Select(d => (d.Id, d.Message, d.Span)).ToList();
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_cli_packs_the_same_archive_with_and_without_the_cache()
    {
        using var tmp = new TempFolder();
        string folder = Widget().WriteTo(tmp.Combine("w"));
        string a = tmp.Combine("a.zip"), b = tmp.Combine("b.zip"), c = tmp.Combine("c.zip");
        var first = CliFixture.Run("pack", folder, "-o", a);
        var second = CliFixture.Run("pack", folder, "-o", b);
        var fresh = CliFixture.Run("pack", folder, "-o", c, "--no-cache");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Equal(File.ReadAllBytes(c), File.ReadAllBytes(a));
        Assert.Equal(File.ReadAllBytes(c), File.ReadAllBytes(b));
        Assert.Equal(first.Out.Replace(a, "X"), second.Out.Replace(b, "X"));
        Assert.Equal(first.Out.Replace(a, "X"), fresh.Out.Replace(c, "X"));
        Assert.Equal(first.Error, second.Error);
    }
}
