using KommoWidgetKit.Imaging;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using SkiaSharp;

namespace KommoWidgetKit.Tests.Imaging;

/// <summary>The library API behind <c>kommo-widget logos</c>: drawing quality, limits and colours.</summary>
public sealed class LogoMakerTests
{
    private static SKBitmap Logo(LogoRenderResult result, string name) =>
        TestImages.Decode(result.Logos.Single(l => l.Spec.Path == "images/" + name).Png);

    [Fact]
    public void Targets_follow_the_digital_pipeline_location()
    {
        Assert.Equal(LogoSpec.Required, LogoMaker.TargetsFor(false));
        Assert.Equal([.. LogoSpec.Required, LogoSpec.DigitalPipeline], LogoMaker.TargetsFor(true));
        Assert.Equal((400, 272), LogoMaker.RecommendedMasterSize);
    }

    [Fact]
    public void Rendering_is_byte_identical_for_the_same_input()
    {
        byte[] master = TestImages.PhotoJpeg(1000, 700);
        var a = LogoMaker.Render(master, LogoMaker.TargetsFor(true));
        var b = LogoMaker.Render(master, LogoMaker.TargetsFor(true));
        Assert.Equal(6, a.Logos.Count);
        Assert.All(a.Logos.Zip(b.Logos), p => Assert.True(p.First.Png.AsSpan().SequenceEqual(p.Second.Png), p.First.Spec.Path));
    }

    [Fact]
    public void Downscaling_averages_fine_detail_instead_of_picking_pixels()
    {
        // One-pixel black and white stripes: nearest-neighbour sampling at any even factor would give all black or all
        // white; a proper filter gives grey.
        byte[] stripes = TestImages.Drawn(1600, 1088, c =>
        {
            c.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            for (int x = 0; x < 1600; x += 2) c.DrawRect(x, 0, 1, 1088, black);
        });
        var result = LogoMaker.Render(stripes, LogoSpec.Required);
        foreach (var name in new[] { "logo_main.png", "logo.png", "logo_min.png" })
        {
            using var bitmap = Logo(result, name);
            var middle = bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2);
            Assert.InRange(middle.Red, 100, 160);
            Assert.Equal(middle.Red, middle.Green);
        }
    }

    [Fact]
    public void A_master_of_exactly_the_logo_size_is_copied_pixel_for_pixel()
    {
        byte[] checker = TestImages.Drawn(400, 272, c =>
        {
            c.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            for (int y = 0; y < 272; y++)
                for (int x = y % 2; x < 400; x += 2) c.DrawRect(x, y, 1, 1, black);
        });
        using var main = Logo(LogoMaker.Render(checker, LogoSpec.Required), "logo_main.png");
        using var master = TestImages.Decode(checker);
        for (int y = 0; y < 272; y += 17)
            for (int x = 0; x < 400; x += 13)
                Assert.Equal(master.GetPixel(x, y), main.GetPixel(x, y));
    }

    [Fact]
    public void The_master_size_is_reported_and_only_enlarging_warns()
    {
        var big = LogoMaker.Render(TestImages.PhotoJpeg(800, 544), LogoSpec.Required);
        Assert.Equal(new MasterImageInfo(ImageFormat.Jpeg, 800, 544), big.Master);
        Assert.Empty(big.Warnings);

        var small = LogoMaker.Render(TestImages.SolidPng(200, 100, 0xFF0000FFu), LogoSpec.Required);
        Assert.Equal(new MasterImageInfo(ImageFormat.Png, 200, 100), small.Master);
        string warning = Assert.Single(small.Warnings);
        Assert.Contains("200×100, smaller than logo_main.png (400×272)", warning);
        Assert.Contains("at least 400×272", warning);
    }

    [Fact]
    public void An_8x8_master_gives_every_size()
    {
        var result = LogoMaker.Render(TestImages.SolidPng(8, 8, 0x0000FFFFu), LogoMaker.TargetsFor(true), new LogoOptions { Fit = LogoFit.Cover });
        foreach (var logo in result.Logos)
        {
            using var bitmap = TestImages.Decode(logo.Png);
            Assert.Equal((logo.Spec.Width, logo.Spec.Height), (bitmap.Width, bitmap.Height));
            Assert.Equal(SKColors.Blue, bitmap.GetPixel(0, 0));
            Assert.Equal(SKColors.Blue, bitmap.GetPixel(bitmap.Width - 1, bitmap.Height - 1));
        }
    }

    [Fact]
    public void Cover_crops_the_middle_and_contain_centres_the_whole()
    {
        // Left third red, middle third green, right third blue: 600×200 into 84×84.
        byte[] bands = TestImages.Drawn(600, 200, c =>
        {
            using var p = new SKPaint();
            p.Color = SKColors.Red; c.DrawRect(0, 0, 200, 200, p);
            p.Color = new SKColor(0, 255, 0); c.DrawRect(200, 0, 200, 200, p);
            p.Color = SKColors.Blue; c.DrawRect(400, 0, 200, 200, p);
        });
        var min = LogoSpec.Required.Single(l => l.Path == "images/logo_min.png");
        using (var cover = TestImages.Decode(LogoMaker.Render(bands, [min], new LogoOptions { Fit = LogoFit.Cover }).Logos[0].Png))
        {
            // Only the green middle third is left (the outermost pixels blend a little of the cut-off neighbours).
            Assert.Equal(new SKColor(0, 255, 0), cover.GetPixel(4, 4));
            Assert.Equal(new SKColor(0, 255, 0), cover.GetPixel(79, 79));
        }
        using (var contain = TestImages.Decode(LogoMaker.Render(bands, [min]).Logos[0].Png))
        {
            Assert.Equal(0, contain.GetPixel(42, 0).Alpha);      // 84×28 image, bands above and below
            Assert.Equal(SKColors.Red, contain.GetPixel(3, 42));
            Assert.Equal(new SKColor(0, 255, 0), contain.GetPixel(42, 42));
            Assert.Equal(SKColors.Blue, contain.GetPixel(80, 42));
        }
    }

    [Fact]
    public void A_logo_over_the_size_limit_is_refused_with_its_name()
    {
        var rng = new Random(7);
        var noise = new byte[400 * 272 * 4];
        rng.NextBytes(noise);
        byte[] master = TestImages.Drawn(400, 272, c =>
        {
            using var image = SKImage.FromPixelCopy(new SKImageInfo(400, 272, SKColorType.Rgba8888, SKAlphaType.Unpremul), noise);
            c.DrawImage(image, 0, 0, SKSamplingOptions.Default, null);
        });
        var ex = Assert.Throws<LogoException>(() => LogoMaker.Render(master, LogoSpec.Required, new LogoOptions { MaxBytes = 20_000 }));
        Assert.Contains("images/logo", ex.Message);
        Assert.Contains("even at the highest PNG compression", ex.Message);
    }

    [Fact]
    public void A_gif_master_is_read()
    {
        // GIF89a, 1×1, a two-colour palette (red, black), one pixel of colour 0.
        byte[] gif = Convert.FromHexString("474946383961010001008000" + "00FF0000000000" + "2C00000000010001000002024401003B");
        var result = LogoMaker.Render(gif, LogoSpec.Required);
        Assert.Equal(new MasterImageInfo(ImageFormat.Gif, 1, 1), result.Master);
        using var bitmap = Logo(result, "logo_small.png");
        Assert.Equal(SKColors.Red, bitmap.GetPixel(54, 54));
    }

    [Fact]
    public void Exif_orientation_is_applied()
    {
        // 40×20, left half red, right half blue, tagged "rotate 90° clockwise to display" (orientation 6): shown 20×40,
        // the red half on top.
        byte[] jpeg = TestImages.Drawn(40, 20, c =>
        {
            using var p = new SKPaint { Color = SKColors.Red };
            c.DrawRect(0, 0, 20, 20, p);
            p.Color = SKColors.Blue;
            c.DrawRect(20, 0, 20, 20, p);
        }, SKEncodedImageFormat.Jpeg);
        byte[] exif = Convert.FromHexString("FFE10022" + "457869660000" + "4D4D002A00000008" + "0001" + "011200030000000100060000" + "00000000");
        byte[] tagged = [.. jpeg[..2], .. exif, .. jpeg[2..]];

        var result = LogoMaker.Render(tagged, [LogoSpec.Required.Single(l => l.Path == "images/logo_min.png")]);
        Assert.Equal((20, 40), (result.Master.Width, result.Master.Height));
        using var bitmap = TestImages.Decode(result.Logos[0].Png);
        var top = bitmap.GetPixel(42, 10);
        var bottom = bitmap.GetPixel(42, 74);
        Assert.True(top.Red > 200 && top.Blue < 60, $"top is {top}");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom is {bottom}");
    }

    [Fact]
    public void A_huge_declared_size_is_refused()
    {
        var ex = Assert.Throws<LogoException>(() => LogoMaker.Render(LogosCommandTests.DeclaredPng(10_000, 5_000), LogoSpec.Required));
        Assert.Contains("declares 10000×5000 pixels (50 megapixels)", ex.Message);
        // Just under the cap, the header passes and the (missing) pixel data is what fails.
        var under = Assert.Throws<LogoException>(() => LogoMaker.Render(LogosCommandTests.DeclaredPng(8_000, 5_000), LogoSpec.Required));
        Assert.DoesNotContain("megapixels", under.Message);
    }

    [Theory]
    [InlineData("#abc", 0xAA, 0xBB, 0xCC, 0xFF)]
    [InlineData("#A0B1C2", 0xA0, 0xB1, 0xC2, 0xFF)]
    [InlineData("#a0b1c200", 0xA0, 0xB1, 0xC2, 0x00)]
    [InlineData(" White ", 255, 255, 255, 255)]
    [InlineData("transparent", 0, 0, 0, 0)]
    [InlineData("grey", 128, 128, 128, 255)]
    public void Colours_parse(string text, byte r, byte g, byte b, byte a)
    {
        Assert.True(LogoColor.TryParse(text, out var color));
        Assert.Equal(new LogoColor(r, g, b, a), color);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("#abcd")]
    [InlineData("#abcde")]
    [InlineData("#abcdefa")]
    [InlineData("abc")]
    [InlineData("#xyz")]
    [InlineData("rebeccapurple")]
    public void Bad_colours_do_not_parse(string? text) => Assert.False(LogoColor.TryParse(text, out _));

    [Fact]
    public void Colours_print_as_hex() =>
        Assert.Equal(("#ffffff", "#11223380"), (LogoColor.White.ToString(), new LogoColor(0x11, 0x22, 0x33, 0x80).ToString()));
}
