using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Packaging;

public class WidgetPackerTests
{
    private static byte[] PackBytes(Widget widget, PackOptions? options = null)
    {
        using var ms = new MemoryStream();
        WidgetPacker.Pack(widget, options ?? new PackOptions { UseSourceDateEpoch = false }, ms);
        return ms.ToArray();
    }

    private static List<ZipArchiveEntry> Entries(byte[] zip) =>
        new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read).Entries.ToList();

    [Fact]
    public void Packing_twice_gives_the_same_bytes()
    {
        var widget = TestWidget.Valid().Load();
        var a = PackBytes(widget);
        var b = PackBytes(widget);
        var serial = PackBytes(widget, new PackOptions { UseSourceDateEpoch = false, MaxDegreeOfParallelism = 1 });
        Assert.Equal(a, b);
        Assert.Equal(a, serial);
    }

    [Fact]
    public void Same_files_from_folder_and_memory_give_the_same_bytes()
    {
        using var tmp = new TempFolder();
        var test = TestWidget.Valid();
        string folder = test.WriteTo(tmp.Combine("w"));
        // Different modification times on disk must not matter.
        File.SetLastWriteTimeUtc(Path.Combine(folder, "script.js"), new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        Assert.Equal(PackBytes(test.Load()), PackBytes(WidgetLoader.Load(folder)));
    }

    [Fact]
    public void Entries_are_sorted_files_at_the_root_with_fixed_time_and_mode()
    {
        var zip = PackBytes(TestWidget.Valid().Load());
        var entries = Entries(zip);
        var names = entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.Contains("manifest.json", names);
        Assert.DoesNotContain(names, n => n.EndsWith('/'));
        foreach (var e in entries)
        {
            Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), e.LastWriteTime.DateTime);
            Assert.Equal(0x81A4, (e.ExternalAttributes >> 16) & 0xFFFF);
        }
    }

    [Fact]
    public void Headers_have_no_extra_fields_and_the_utf8_flag()
    {
        var zip = PackBytes(TestWidget.Valid().Set("images/ñandú.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").Load());
        int eocd = zip.Length - 22;
        Assert.Equal(0x06054B50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 20))); // no comment
        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 10));
        int cd = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(0x02014B50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(cd)));
            Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(cd + 8)) & 0x0800);
            int nameLen = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(cd + 28));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(cd + 30))); // extra
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(cd + 32))); // comment
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(cd + 42));
            Assert.Equal(0x04034B50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(local)));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28))); // extra
            cd += 46 + nameLen;
        }
        Assert.Contains(Entries(zip), e => e.FullName == "images/ñandú.svg");
    }

    [Fact]
    public void Content_round_trips_and_the_result_describes_the_archive()
    {
        var widget = TestWidget.Valid().Set("empty.txt", Array.Empty<byte>()).Load();
        using var ms = new MemoryStream();
        var result = WidgetPacker.Pack(widget, new PackOptions { UseSourceDateEpoch = false }, ms);
        var zip = ms.ToArray();
        Assert.Equal(zip.Length, result.ArchiveSize);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip)), result.Sha256);
        Assert.Equal(widget.Files.Sum(f => f.Length), result.TotalSize);
        Assert.Equal(widget.Files.Select(f => f.Path), result.Files.Select(f => f.Path));
        foreach (var e in Entries(zip))
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            Assert.Equal(widget.GetFile(e.FullName)!.Content.ToArray(), copy.ToArray());
        }
        Assert.Contains(result.Files, f => f.Path == "empty.txt" && !f.Deflated && f.Size == 0);
        Assert.Contains(result.Files, f => f.Path == "manifest.json" && f.Deflated && f.CompressedSize < f.Size);
    }

    [Fact]
    public void Entry_crcs_are_the_zip_checksum()
    {
        var widget = TestWidget.Valid().Set("check.txt", "123456789").Load();
        using var output = new MemoryStream();
        var result = WidgetPacker.Pack(widget, new PackOptions { UseSourceDateEpoch = false }, output);
        Assert.Equal(0xCBF43926u, result.Files.Single(f => f.Path == "check.txt").Crc32);
        Assert.All(result.Files, f => Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(widget.GetFile(f.Path)!.Content.Span), f.Crc32));
        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(result.Files.Single(f => f.Path == e.FullName).Crc32, e.Crc32));
    }

    [Theory]
    [InlineData("2024-02-29T13:45:31Z", 2024, 2, 29, 13, 45, 30)]
    [InlineData("1975-06-01T00:00:00Z", 1980, 1, 1, 0, 0, 0)]
    [InlineData("2200-01-01T00:00:00Z", 2107, 12, 31, 23, 59, 58)]
    public void Timestamps_are_clamped_to_the_zip_range_and_two_second_steps(string when, int y, int mo, int d, int h, int mi, int s)
    {
        var zip = PackBytes(TestWidget.Valid().Load(), new PackOptions { Timestamp = DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.All(Entries(zip), e => Assert.Equal(new DateTime(y, mo, d, h, mi, s), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void A_wrapper_folder_is_not_packed()
    {
        using var tmp = new TempFolder();
        TestWidget.Valid().WriteTo(tmp.Combine("outer", "my-widget"));
        var widget = WidgetLoader.Load(tmp.Combine("outer"));
        Assert.Equal("my-widget", widget.WrapperFolder);
        var names = Entries(PackBytes(widget)).Select(e => e.FullName).ToList();
        Assert.Contains("manifest.json", names);
        Assert.DoesNotContain(names, n => n.StartsWith("my-widget", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_exclusions_junk_and_config_are_left_out()
    {
        var widget = TestWidget.Valid()
            .Set("kommo-widget.json", "{ \"profile\": \"public\" }")
            .Set(".kommoignore", "")
            .Set(".gitignore", "bin/")
            .Set(".editorconfig", "root = true")
            .Set("package.json", "{}")
            .Set("package-lock.json", "{}")
            .Set("README.md", "# hi")
            .Set("docs/README.md", "kept: only the root read-me is dropped")
            .Set("LICENSE", "MIT")
            .Set("script.js.map", "{}")
            .Set("src/widget.ts", "export {}")
            .Set("tests/script.test.js", "")
            .Set(".DS_Store", "x")
            .Set("old.zip", "PK")
            .Set(".env", "SECRET=1")
            .Load();
        var selection = WidgetPacker.SelectFiles(widget);
        var shipped = selection.Included.Select(f => f.Path).ToHashSet();
        Assert.Contains("docs/README.md", shipped);
        Assert.Contains("LICENSE", shipped);
        Assert.Contains("script.js", shipped);
        foreach (var gone in new[] { "kommo-widget.json", ".kommoignore", ".gitignore", ".editorconfig", "package.json", "package-lock.json",
                     "README.md", "script.js.map", "src/widget.ts", "tests/script.test.js", ".DS_Store", "old.zip", ".env" })
        {
            Assert.DoesNotContain(gone, shipped);
            Assert.Contains(selection.Excluded, e => e.Path == gone);
        }
        Assert.StartsWith("junk:", selection.Excluded.Single(e => e.Path == ".DS_Store").Reason);
        Assert.Contains("default exclusion", selection.Excluded.Single(e => e.Path == "package.json").Reason);
    }

    [Fact]
    public void Kommoignore_excludes_and_re_includes()
    {
        var widget = TestWidget.Valid()
            .Set(".kommoignore", "# design sources\n*.psd\ndrafts/\n!README.md\n")
            .Set("art/logo.psd", "x")
            .Set("drafts/a.js", "")
            .Set("README.md", "# shipped on purpose")
            .Load();
        var selection = WidgetPacker.SelectFiles(widget);
        var shipped = selection.Included.Select(f => f.Path).ToList();
        Assert.Contains("README.md", shipped);
        Assert.DoesNotContain("art/logo.psd", shipped);
        Assert.DoesNotContain("drafts/a.js", shipped);
        Assert.Equal(".kommoignore:2 (*.psd)", selection.Excluded.Single(e => e.Path == "art/logo.psd").Reason);

        var noIgnore = WidgetPacker.SelectFiles(widget, new PackOptions { UseIgnoreFile = false, DefaultExclusions = false });
        Assert.Contains(noIgnore.Included, f => f.Path == "art/logo.psd");
    }

    [Fact]
    public void Skipped_folders_are_listed_as_left_out()
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("node_modules/x/index.js", "").Set(".git/HEAD", "ref").WriteTo(tmp.Combine("w"));
        var selection = WidgetPacker.SelectFiles(WidgetLoader.Load(folder));
        Assert.Contains(selection.Excluded, e => e.Path == "node_modules/");
        Assert.Contains(selection.Excluded, e => e.Path == ".git/");
        Assert.DoesNotContain(selection.Included, f => f.Path.StartsWith("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void Exclusion_reason_answers_for_paths_that_do_not_exist()
    {
        var widget = TestWidget.Valid().Set(".kommoignore", "/dist/\n").Load();
        Assert.NotNull(WidgetPacker.ExclusionReason(widget, "widget.zip"));
        Assert.NotNull(WidgetPacker.ExclusionReason(widget, "dist/widget.bin"));
        Assert.Null(WidgetPacker.ExclusionReason(widget, "out/widget.bin"));
    }

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void The_packed_zip_loads_back_and_validates_the_same(WidgetProfile profile)
    {
        using var tmp = new TempFolder();
        string folder = TestWidget.Valid().Set("README.md", "# dev notes").Set("extra.js", "var x = 1;").WriteTo(tmp.Combine("w"));
        var widget = WidgetLoader.Load(folder);
        string zipPath = tmp.Combine("widget.zip");
        WidgetPacker.PackToFile(widget, new PackOptions { UseSourceDateEpoch = false }, zipPath);
        var back = WidgetLoader.Load(zipPath);
        Assert.Empty(back.LoadIssues);
        Assert.Null(back.WrapperFolder);
        Assert.Equal(WidgetPacker.SelectFiles(widget).Included.Select(f => f.Path), back.Files.Select(f => f.Path));
        var options = new ValidationOptions { Profile = profile };
        Assert.Equal(
            WidgetValidator.Validate(widget, options).Diagnostics.Select(d => (d.Id, d.Span.ToString())),
            WidgetValidator.Validate(back, options).Diagnostics.Select(d => (d.Id, d.Span.ToString())));
    }

    [Fact]
    public void A_non_seekable_output_works()
    {
        var widget = TestWidget.Valid().Load();
        using var inner = new MemoryStream();
        using var forward = new ForwardOnlyStream(inner);
        WidgetPacker.Pack(widget, new PackOptions { UseSourceDateEpoch = false }, forward);
        Assert.Equal(PackBytes(widget), inner.ToArray());
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

/// <summary>Tests that change process-wide environment variables run alone.</summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection("Environment")]
public class SourceDateEpochTests
{
    [Theory]
    [InlineData("1700000000", 2023, 11, 14, 22, 13, 20)]
    [InlineData("0", 1980, 1, 1, 0, 0, 0)]
    [InlineData("99999999999", 2107, 12, 31, 23, 59, 58)]
    public void Source_date_epoch_is_honoured_and_clamped(string epoch, int y, int mo, int d, int h, int mi, int s)
    {
        string? old = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", epoch);
            using var ms = new MemoryStream();
            var result = WidgetPacker.Pack(TestWidget.Valid().Load(), null, ms);
            Assert.Equal(new DateTime(y, mo, d, h, mi, s), result.Timestamp);
            var entries = new ZipArchive(new MemoryStream(ms.ToArray())).Entries;
            Assert.All(entries, e => Assert.Equal(new DateTime(y, mo, d, h, mi, s), e.LastWriteTime.DateTime));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", old);
        }
    }

    [Fact]
    public void A_malformed_source_date_epoch_is_refused()
    {
        string? old = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "yesterday");
            Assert.Throws<PackException>(() => WidgetPacker.Pack(TestWidget.Valid().Load(), null, Stream.Null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", old);
        }
    }
}
