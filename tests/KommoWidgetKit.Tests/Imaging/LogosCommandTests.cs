using System.Buffers.Binary;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using SkiaSharp;

namespace KommoWidgetKit.Tests.Imaging;

/// <summary><c>kommo-widget logos</c>, run in-process: what lands in images/, what is refused, and that nothing half-done is left.</summary>
public sealed class LogosCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static TestWidget WithoutLogos()
    {
        var w = TestWidget.Valid();
        foreach (var logo in LogoSpec.Required) w.Remove(logo.Path);
        return w;
    }

    private string Master(string name, byte[] bytes)
    {
        string path = _fx.Root + "/" + name;
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string LogoPath(string folder, LogoSpec spec) => Path.Combine(folder, spec.Path);

    /// <summary>Every logo: there, a PNG by its signature, at most 300 KB, decoding to exactly its size.</summary>
    private static void AssertLogos(string folder, IEnumerable<LogoSpec> specs)
    {
        foreach (var spec in specs)
        {
            byte[] bytes = File.ReadAllBytes(LogoPath(folder, spec));
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(PngSignature), spec.Path + " is not a PNG");
            Assert.True(bytes.Length <= LogoSpec.MaxImageBytes, $"{spec.Path} is {bytes.Length} bytes");
            using var bitmap = TestImages.Decode(bytes);
            Assert.Equal((spec.Width, spec.Height), (bitmap.Width, bitmap.Height));
        }
    }

    private static List<Diagnostic> ImageFindings(string folder) =>
        WidgetValidator.Validate(WidgetLoader.Load(folder)).Diagnostics.Where(d => d.Descriptor.Category == RuleCategory.Images).ToList();

    private static void AssertNoLogos(string folder)
    {
        foreach (var spec in LogoSpec.Required.Append(LogoSpec.DigitalPipeline))
            Assert.False(File.Exists(LogoPath(folder, spec)), spec.Path + " was written");
        if (Directory.Exists(Path.Combine(folder, "images")))
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "images"), "*.tmp"));
    }

    [Fact]
    public void A_jpeg_master_gives_every_logo_at_its_exact_size_and_the_widget_validates()
    {
        string folder = _fx.Folder(WithoutLogos());
        string master = Master("photo.jpg", TestImages.PhotoJpeg(1200, 800));
        var run = CliFixture.Run("logos", master, folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        AssertLogos(folder, LogoSpec.Required);
        Assert.False(File.Exists(LogoPath(folder, LogoSpec.DigitalPipeline)));
        Assert.Empty(ImageFindings(folder));
        Assert.Contains("wrote 5 logos", run.Out);
        Assert.Contains("JPEG 1200×800", run.Out);
        foreach (var spec in LogoSpec.Required) Assert.Contains(spec.Path, run.Out);
        Assert.Contains("no image findings", run.Out);
        Assert.Equal("", run.Error);
        // The photo has no transparency and contain pads it: logo_min (square) has transparent bands above and below.
        using var min = TestImages.Decode(File.ReadAllBytes(LogoPath(folder, LogoSpec.Required.Single(l => l.Path.EndsWith("logo_min.png", StringComparison.Ordinal)))));
        Assert.Equal(0, min.GetPixel(42, 0).Alpha);
        Assert.Equal(255, min.GetPixel(42, 42).Alpha);
        Assert.True(min.GetPixel(42, 42).Red > 180, "the red disc is in the middle"); // a JPEG is not exact, the disc is red
    }

    // 200×200, opaque orange with a transparent hole (radius 30) in the middle.
    private static byte[] OrangeWithHole() => TestImages.Drawn(200, 200, c =>
    {
        c.Clear(new SKColor(255, 140, 0));
        using var hole = new SKPaint { BlendMode = SKBlendMode.Clear, IsAntialias = true };
        c.DrawCircle(100, 100, 30, hole);
    });

    [Fact]
    public void Contain_keeps_the_padding_and_the_image_transparent_and_cover_fills_the_logo()
    {
        string master = Master("hole.png", OrangeWithHole());
        var medium = LogoSpec.Required.Single(l => l.Path == "images/logo_medium.png"); // 240×84: a square master leaves bands

        string contain = _fx.Folder(WithoutLogos(), "contain");
        Assert.Equal(0, CliFixture.Run("logos", master, contain).ExitCode);
        using (var bitmap = TestImages.Decode(File.ReadAllBytes(LogoPath(contain, medium))))
        {
            Assert.Equal(0, bitmap.GetPixel(0, 0).Alpha);               // padding at the side
            Assert.Equal(0, bitmap.GetPixel(120, 42).Alpha);            // the hole stays a hole
            Assert.Equal(new SKColor(255, 140, 0), bitmap.GetPixel(120 - 36, 42)); // the image, scaled to 84×84
        }

        string cover = _fx.Folder(WithoutLogos(), "cover");
        var run = CliFixture.Run("logos", master, cover, "--fit", "cover");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("cover", run.Out);
        using (var bitmap = TestImages.Decode(File.ReadAllBytes(LogoPath(cover, medium))))
        {
            Assert.Equal(new SKColor(255, 140, 0), bitmap.GetPixel(0, 0));   // filled to the corner
            Assert.Equal(new SKColor(255, 140, 0), bitmap.GetPixel(239, 83));
            Assert.Equal(0, bitmap.GetPixel(120, 42).Alpha);
        }
        AssertLogos(cover, LogoSpec.Required);
        Assert.Empty(ImageFindings(cover));
    }

    [Theory]
    [InlineData("#fff", 255, 255, 255, 255)]
    [InlineData("#102030", 0x10, 0x20, 0x30, 255)]
    [InlineData("#11223380", 0x11, 0x22, 0x33, 0x80)]
    [InlineData("black", 0, 0, 0, 255)]
    [InlineData("transparent", 0, 0, 0, 0)]
    public void The_background_fills_the_padding(string color, byte r, byte g, byte b, byte a)
    {
        string folder = _fx.Folder(WithoutLogos());
        var run = CliFixture.Run("logos", Master("hole.png", OrangeWithHole()), folder, "--background", color);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var bitmap = TestImages.Decode(File.ReadAllBytes(Path.Combine(folder, "images/logo_medium.png")));
        var corner = bitmap.GetPixel(0, 0);
        Assert.Equal(a, corner.Alpha);
        if (a > 0)
        {
            Assert.InRange(corner.Red, r - 1, r + 1);
            Assert.InRange(corner.Green, g - 1, g + 1);
            Assert.InRange(corner.Blue, b - 1, b + 1);
        }
    }

    [Fact]
    public void An_opaque_result_is_written_without_an_alpha_channel()
    {
        string folder = _fx.Folder(WithoutLogos());
        Assert.Equal(0, CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(800, 600)), folder, "--fit", "cover").ExitCode);
        foreach (var spec in LogoSpec.Required)
            Assert.Equal(2, File.ReadAllBytes(LogoPath(folder, spec))[25]); // IHDR colour type 2: RGB
    }

    [Fact]
    public void A_tiny_master_still_gives_valid_logos_with_a_warning()
    {
        string folder = _fx.Folder(WithoutLogos());
        var run = CliFixture.Run("logos", Master("tiny.png", TestImages.SolidPng(8, 8, 0x22AA44FFu)), folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("warning: ", run.Error);
        Assert.Contains("8×8", run.Error);
        Assert.Contains("enlarged", run.Error);
        AssertLogos(folder, LogoSpec.Required);
        Assert.Empty(ImageFindings(folder));
        using var main = TestImages.Decode(File.ReadAllBytes(Path.Combine(folder, "images/logo_main.png")));
        Assert.Equal(new SKColor(0x22, 0xAA, 0x44), main.GetPixel(200, 136));
    }

    [Fact]
    public void A_large_enough_master_gives_no_warning()
    {
        string folder = _fx.Folder(WithoutLogos());
        var run = CliFixture.Run("logos", Master("big.png", TestImages.SolidPng(400, 272, 0x22AA44FFu)), folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Logo_dp_is_written_only_with_the_digital_pipeline_location()
    {
        string master = Master("photo.jpg", TestImages.PhotoJpeg(600, 400));
        string plain = _fx.Folder(WithoutLogos(), "plain");
        Assert.Equal(0, CliFixture.Run("logos", master, plain).ExitCode);
        Assert.False(File.Exists(LogoPath(plain, LogoSpec.DigitalPipeline)));

        string dp = _fx.Folder(WithoutLogos().EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", \"settings\", \"digital_pipeline\"]"), "dp");
        var run = CliFixture.Run("logos", master, dp);
        Assert.Contains("wrote 6 logos", run.Out);
        Assert.Contains("images/logo_dp.png", run.Out);
        AssertLogos(dp, LogoSpec.Required.Append(LogoSpec.DigitalPipeline));
        Assert.Empty(ImageFindings(dp));
    }

    [Fact]
    public void Existing_logos_are_not_overwritten_without_force_and_nothing_is_written()
    {
        // Only two logos exist: the error names them, and the three missing ones are not written either.
        var widget = WithoutLogos().Set("images/logo.png", TestWidget.Png(130, 100)).Set("images/logo_min.png", TestWidget.Png(84, 84));
        string folder = _fx.Folder(widget);
        string master = Master("photo.jpg", TestImages.PhotoJpeg(800, 600));
        byte[] before = File.ReadAllBytes(Path.Combine(folder, "images/logo.png"));

        string error = CliFixture.Run("logos", master, folder).AssertUsageError("logos");
        Assert.Contains("images/logo.png, images/logo_min.png already exist", error);
        Assert.Contains("--force", error);
        Assert.DoesNotContain("logo_main", error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "images/logo.png")));
        Assert.False(File.Exists(Path.Combine(folder, "images/logo_main.png")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "images"), "*.tmp"));

        var run = CliFixture.Run("logos", master, folder, "--force");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(folder, "images/logo.png")));
        AssertLogos(folder, LogoSpec.Required);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "images"), ".*.tmp"));
    }

    [Fact]
    public void The_images_folder_is_created_when_missing()
    {
        var widget = WithoutLogos().Remove("images/tour_1_en.jpg").Remove("images/tour_1_es.jpg")
            .EditManifest("\"is_tour\": true", "\"is_tour\": false");
        string folder = _fx.Folder(widget);
        Assert.False(Directory.Exists(Path.Combine(folder, "images")));
        var run = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        AssertLogos(folder, LogoSpec.Required);
    }

    [Fact]
    public void The_default_path_is_the_current_folder()
    {
        string folder = _fx.Folder(WithoutLogos());
        string master = Master("photo.jpg", TestImages.PhotoJpeg(400, 272));
        string saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            var run = CliFixture.Run("logos", master);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("  images/logo.png", run.Out);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
        AssertLogos(folder, LogoSpec.Required);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("#12")]
    [InlineData("#1234")]
    [InlineData("#ggg")]
    [InlineData("rgb(1,2,3)")]
    [InlineData("")]
    public void A_bad_background_is_a_usage_error(string color)
    {
        string folder = _fx.Folder(WithoutLogos());
        string error = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder, "--background", color).AssertUsageError("logos");
        Assert.Contains("--background must be", error);
        Assert.Contains($"not '{color}'", error);
        AssertNoLogos(folder);
    }

    [Fact]
    public void A_bad_fit_is_a_usage_error()
    {
        string folder = _fx.Folder(WithoutLogos());
        string error = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder, "--fit", "stretch").AssertUsageError("logos");
        Assert.Equal("error: --fit must be contain or cover, not 'stretch'", error);
    }

    public static TheoryData<string, string> BadMasters()
    {
        byte[] jpeg = TestImages.PhotoJpeg(400, 272);
        byte[] png = TestImages.SolidPng(400, 272, 0x123456FFu);
        return new()
        {
            { "cut.jpg", "hex:" + Convert.ToHexString(jpeg[..(jpeg.Length / 3)]) },
            { "cut.png", "hex:" + Convert.ToHexString(png[..(png.Length - 30)]) },
            { "header.png", "hex:" + Convert.ToHexString(png[..20]) },
            { "notes.png", "text:these are my notes, not a picture" },
            { "empty.png", "text:" },
            { "logo.svg", "text:<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"272\"><rect width=\"400\" height=\"272\"/></svg>" },
            { "archive.png", "hex:504B0304140000000000" },
        };
    }

    [Theory]
    [MemberData(nameof(BadMasters))]
    public void A_master_that_is_not_a_readable_image_is_one_clear_line_and_nothing_is_written(string name, string content)
    {
        byte[] bytes = content.StartsWith("hex:", StringComparison.Ordinal)
            ? Convert.FromHexString(content[4..])
            : System.Text.Encoding.UTF8.GetBytes(content[5..]);
        string folder = _fx.Folder(WithoutLogos());
        string error = CliFixture.Run("logos", Master(name, bytes), folder).AssertUsageError("logos");
        Assert.Contains(name, error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.DoesNotContain("Exception", error);
        string expected = name switch
        {
            "cut.jpg" or "cut.png" => "cut short",
            "header.png" => "header is damaged or cut short",
            "empty.png" => "is empty",
            "logo.svg" => "SVG is not supported; export a PNG of at least 400×272",
            _ => "is not a PNG, JPEG, WebP or GIF image",
        };
        Assert.Contains(expected, error);
        AssertNoLogos(folder);
    }

    [Fact]
    public void A_missing_master_is_a_clear_error()
    {
        string folder = _fx.Folder(WithoutLogos());
        string error = CliFixture.Run("logos", Path.Combine(_fx.Root, "nope.png"), folder).AssertUsageError("logos");
        Assert.Contains("nope.png' does not exist", error);
        Assert.Contains("is a folder, not an image", CliFixture.Run("logos", _fx.Root, folder).AssertUsageError("logos"));
        AssertNoLogos(folder);
    }

    /// <summary>A PNG whose header declares <paramref name="width"/>×<paramref name="height"/> pixels (valid IHDR and CRCs)
    /// with a few bytes of pixel data: a decompression bomb's first step.</summary>
    internal static byte[] DeclaredPng(int width, int height)
    {
        using var s = new MemoryStream();
        s.Write(PngSignature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        Chunk(s, "IHDR", ihdr);
        Chunk(s, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(s, "IEND", []);
        return s.ToArray();

        static void Chunk(Stream s, string type, byte[] data)
        {
            Span<byte> head = stackalloc byte[8];
            BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
            for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
            s.Write(head);
            s.Write(data);
            var crc = new System.IO.Hashing.Crc32();
            crc.Append(head[4..]);
            crc.Append(data);
            Span<byte> tail = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(tail, crc.GetCurrentHashAsUInt32());
            s.Write(tail);
        }
    }

    [Fact]
    public void A_huge_declared_size_is_refused_before_decoding()
    {
        string folder = _fx.Folder(WithoutLogos());
        string error = CliFixture.Run("logos", Master("bomb.png", DeclaredPng(60_000, 60_000)), folder).AssertUsageError("logos");
        Assert.Contains("declares 60000×60000 pixels (3600 megapixels)", error);
        Assert.Contains("over 40 megapixels are refused", error);
        AssertNoLogos(folder);
    }

    [Fact]
    public void A_symlinked_images_folder_pointing_outside_is_refused()
    {
        string outside = Path.Combine(_fx.Root, "outside");
        Directory.CreateDirectory(outside);
        string folder = _fx.Folder(WithoutLogos().Remove("images/tour_1_en.jpg").Remove("images/tour_1_es.jpg").EditManifest("\"is_tour\": true", "\"is_tour\": false"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "images"), outside);
        string error = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder, "--force").AssertUsageError("logos");
        Assert.Contains("'images' in the widget is a symbolic link", error);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    [Fact]
    public void A_symlinked_logo_is_refused_even_with_force()
    {
        string secret = Path.Combine(_fx.Root, "secret.png");
        File.WriteAllBytes(secret, TestWidget.Png(130, 100));
        byte[] before = File.ReadAllBytes(secret);
        string folder = _fx.Folder(WithoutLogos());
        File.CreateSymbolicLink(Path.Combine(folder, "images/logo.png"), secret);
        string error = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder, "--force").AssertUsageError("logos");
        Assert.Contains("'images/logo.png' in the widget is a symbolic link", error);
        Assert.Equal(before, File.ReadAllBytes(secret));
        Assert.False(File.Exists(Path.Combine(folder, "images/logo_main.png")));
    }

    [Fact]
    public void A_zip_or_a_folder_without_a_manifest_is_refused()
    {
        string master = Master("photo.jpg", TestImages.PhotoJpeg(400, 272));
        string zip = _fx.Zip(TestWidget.Valid());
        Assert.Contains("is a .zip archive", CliFixture.Run("logos", master, zip).AssertUsageError("logos"));

        string empty = Path.Combine(_fx.Root, "empty");
        Directory.CreateDirectory(empty);
        Assert.Contains("is not a widget folder: it has no manifest.json", CliFixture.Run("logos", master, empty).AssertUsageError("logos"));
        Assert.False(Directory.Exists(Path.Combine(empty, "images")));

        Assert.Contains("does not exist", CliFixture.Run("logos", master, Path.Combine(_fx.Root, "gone")).AssertUsageError("logos"));
    }

    [Fact]
    public void Webp_masters_are_read()
    {
        string folder = _fx.Folder(WithoutLogos());
        byte[] webp = TestImages.Drawn(500, 340, c => c.Clear(new SKColor(10, 200, 90)), SKEncodedImageFormat.Webp);
        var run = CliFixture.Run("logos", Master("art.bin", webp), folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("WebP 500×340", run.Out);
        AssertLogos(folder, LogoSpec.Required);
    }

    [Fact]
    public void The_format_comes_from_the_bytes_not_the_name()
    {
        string folder = _fx.Folder(WithoutLogos());
        var run = CliFixture.Run("logos", Master("looks-like.png", TestImages.PhotoJpeg(400, 272)), folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("JPEG 400×272", run.Out);
    }

    [Fact]
    public void Image_findings_of_the_widget_are_printed_after_writing()
    {
        // A tour image of the wrong size is an image finding logos does not fix: it is shown, and the exit code says so.
        var widget = WithoutLogos().Set("images/tour_1_en.jpg", TestWidget.Jpeg(100, 100));
        string folder = _fx.Folder(widget);
        var run = CliFixture.Run("logos", Master("photo.jpg", TestImages.PhotoJpeg(400, 272)), folder);
        Assert.Contains("wrote 5 logos", run.Out);
        Assert.Contains(RuleIds.TourImageFormat, run.Out);
        Assert.Contains("image finding", run.Out);
        bool error = ImageFindings(folder).Any(d => d.Severity == Severity.Error);
        Assert.Equal(error ? 1 : 0, run.ExitCode);
    }

    [Fact]
    public void Help_describes_the_command()
    {
        var run = CliFixture.Run("logos", "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var text in new[] { "IMAGE", "PATH", "--fit", "contain|cover", "--background", "COLOR", "--force", "(default: contain)", "(default: transparent)" })
            Assert.Contains(text, run.Out);
        Assert.Contains("logos", CliFixture.Run("--help").Out);
    }
}
