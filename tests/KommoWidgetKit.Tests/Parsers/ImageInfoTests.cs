using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Parsers;

public class ImageInfoTests
{
    [Fact]
    public void Png_header_gives_format_and_size()
    {
        var info = ImageInfo.Read(TestWidget.Png(240, 84));
        Assert.Equal((ImageFormat.Png, 240, 84, (string?)null), (info.Format, info.Width, info.Height, info.Problem));
    }

    [Fact]
    public void A_jpeg_named_png_is_recognised_as_jpeg()
    {
        var info = ImageInfo.Read(TestWidget.Jpeg(1188, 616));
        Assert.Equal((ImageFormat.Jpeg, 1188, 616), (info.Format, info.Width, info.Height));
    }

    [Fact]
    public void Truncated_png_is_flagged()
    {
        var png = TestWidget.Png(84, 84);
        var info = ImageInfo.Read(png.AsSpan(0, png.Length - 12));
        Assert.Equal(ImageFormat.Png, info.Format);
        Assert.NotNull(info.Problem);
        Assert.NotNull(ImageInfo.Read(png.AsSpan(0, 20)).Problem);
    }

    [Fact]
    public void Gif_svg_and_unknown_are_told_apart()
    {
        Assert.Equal(ImageFormat.Gif, ImageInfo.Read("GIF89a\x0A\0\x05\0"u8.ToArray()).Format);
        Assert.Equal((10, 5), (ImageInfo.Read("GIF89a\x0A\0\x05\0"u8.ToArray()).Width, ImageInfo.Read("GIF89a\x0A\0\x05\0"u8.ToArray()).Height));
        Assert.Equal(ImageFormat.Svg, ImageInfo.Read("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray()).Format);
        Assert.Equal(ImageFormat.Unknown, ImageInfo.Read("hello"u8.ToArray()).Format);
        Assert.Equal(ImageFormat.Unknown, ImageInfo.Read([]).Format);
    }
}
