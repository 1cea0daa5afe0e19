using System.Buffers.Binary;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Files named .zip that cannot be read as one, the way they turn up in practice.</summary>
public static class BrokenZips
{
    /// <summary>A real archive written by the packer.</summary>
    public static byte[] Packed()
    {
        using var ms = new MemoryStream();
        WidgetPacker.Pack(TestWidget.Valid().Load(), new PackOptions { UseSourceDateEpoch = false }, ms);
        return ms.ToArray();
    }

    /// <summary>A packed archive cut in half, as an interrupted download leaves it.</summary>
    public static byte[] Truncated()
    {
        var zip = Packed();
        return zip[..(zip.Length / 2)];
    }

    /// <summary>A packed archive whose end-of-central-directory record is intact but whose central directory is overwritten.</summary>
    public static byte[] CorruptCentralDirectory()
    {
        var zip = Packed();
        int eocd = zip.AsSpan().LastIndexOf("PK\x05\x06"u8);
        int directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));
        int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 12));
        zip.AsSpan(directory, size).Fill(0x5A);
        return zip;
    }

    /// <summary>An HTML error page saved under the archive's name.</summary>
    public static byte[] HtmlPage() =>
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n"u8.ToArray();

    /// <summary>An empty file.</summary>
    public static byte[] Empty() => [];
}
