using SkiaSharp;

namespace KommoWidgetKit.Imaging;

/// <summary>Encodes drawn images as PNG within Kommo's size limit.</summary>
internal static class PngEncoding
{
    /// <summary>Encodes a premultiplied RGBA bitmap; a fully opaque one without an alpha channel. When the file would be over
    /// <paramref name="maxBytes"/> it is encoded again at zlib's highest level; still over, it is refused.</summary>
    /// <exception cref="LogoException">The PNG would be larger than <paramref name="maxBytes"/>.</exception>
    public static byte[] Encode(SKBitmap bitmap, string name, int maxBytes)
    {
        byte[] png = Encode(bitmap, zlibLevel: 6);
        if (png.Length <= maxBytes) return png;
        png = Encode(bitmap, zlibLevel: 9);
        if (png.Length <= maxBytes) return png;
        string transparency = png[25] == 6 ? ", or an opaque background (transparency costs a fourth channel)" : "";
        throw new LogoException($"{name} would be {png.Length:N0} bytes even at the highest PNG compression, over the {maxBytes:N0}-byte (300 KB) limit; use a master with less fine noise or grain{transparency}");
    }

    /// <summary>Encodes with the given zlib level (all PNG row filters tried); no colour profile is written, so the bytes
    /// depend on the pixels alone.</summary>
    public static byte[] Encode(SKBitmap bitmap, int zlibLevel)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888) throw new ArgumentException("expected an RGBA bitmap", nameof(bitmap));
        var alpha = bitmap.AlphaType == SKAlphaType.Opaque || IsOpaque(bitmap) ? SKAlphaType.Opaque : bitmap.AlphaType;
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, alpha);
        using var pixmap = new SKPixmap(info, bitmap.GetPixels(), bitmap.RowBytes);
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, zlibLevel))
            ?? throw new InvalidOperationException("the PNG encoder failed");
        return data.ToArray();
    }

    /// <summary>True when every pixel's alpha is 255.</summary>
    public static bool IsOpaque(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        int rowBytes = bitmap.RowBytes, width = bitmap.Width;
        for (int y = 0; y < bitmap.Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, width * 4);
            for (int i = 3; i < row.Length; i += 4)
                if (row[i] != 255) return false;
        }
        return true;
    }
}
