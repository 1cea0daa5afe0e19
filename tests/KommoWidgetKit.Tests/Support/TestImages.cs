using SkiaSharp;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Real image files for tests, drawn and encoded with SkiaSharp, and a decoder to check what was written.</summary>
public static class TestImages
{
    /// <summary>A solid-colour PNG; <paramref name="rgba"/> is 0xRRGGBBAA.</summary>
    public static byte[] SolidPng(int width, int height, uint rgba) =>
        Encode(Draw(width, height, c => c.Clear(Color(rgba))), SKEncodedImageFormat.Png);

    /// <summary>An image drawn by <paramref name="paint"/> on a transparent canvas, encoded as <paramref name="format"/>.</summary>
    public static byte[] Drawn(int width, int height, Action<SKCanvas> paint, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Encode(Draw(width, height, paint), format);

    /// <summary>A JPEG photo-like picture: a gradient with a red disc in the middle.</summary>
    public static byte[] PhotoJpeg(int width, int height) => Drawn(width, height, c =>
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor(30, 90, 200), new SKColor(240, 220, 120)], SKShaderTileMode.Clamp);
        using var fill = new SKPaint { Shader = shader };
        c.DrawRect(0, 0, width, height, fill);
        using var disc = new SKPaint { Color = new SKColor(220, 30, 30), IsAntialias = true };
        c.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, disc);
    }, SKEncodedImageFormat.Jpeg);

    /// <summary>A PNG with a transparent background and an opaque blue square in the middle half.</summary>
    public static byte[] TransparentPng(int width, int height) => Drawn(width, height, c =>
    {
        c.Clear(SKColors.Transparent);
        using var square = new SKPaint { Color = new SKColor(0, 0, 255) };
        c.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, square);
    });

    /// <summary>Decodes an image file into unpremultiplied RGBA (fails the test when it cannot).</summary>
    public static SKBitmap Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.NotNull(codec);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return bitmap;
    }

    private static SKBitmap Draw(int width, int height, Action<SKCanvas> paint)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        paint(canvas);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, 92))
            return data.ToArray();
    }

    private static SKColor Color(uint rgba) => new((byte)(rgba >> 24), (byte)(rgba >> 16), (byte)(rgba >> 8), (byte)rgba);
}
