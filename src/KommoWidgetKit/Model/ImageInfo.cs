using System.Buffers.Binary;

namespace KommoWidgetKit.Model;

/// <summary>The real format of an image file, read from its bytes rather than its name.</summary>
public enum ImageFormat
{
    /// <summary>Not an image format we know.</summary>
    Unknown,
    /// <summary>PNG.</summary>
    Png,
    /// <summary>JPEG.</summary>
    Jpeg,
    /// <summary>GIF.</summary>
    Gif,
    /// <summary>WebP.</summary>
    WebP,
    /// <summary>SVG (text).</summary>
    Svg,
}

/// <summary>Format and pixel size of an image, read from its header.</summary>
/// <param name="Format">The format found in the bytes.</param>
/// <param name="Width">Width in pixels (0 when unknown).</param>
/// <param name="Height">Height in pixels (0 when unknown).</param>
/// <param name="Problem">Why the file could not be read as its format, or null.</param>
public sealed record ImageInfo(ImageFormat Format, int Width, int Height, string? Problem = null)
{
    /// <summary>Reads the header of <paramref name="bytes"/>.</summary>
    public static ImageInfo Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(PngSignature)) return ReadPng(bytes);
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return ReadJpeg(bytes);
        if (bytes.Length >= 10 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F')
            return new ImageInfo(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return new ImageInfo(ImageFormat.WebP, 0, 0);
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("<svg"u8) >= 0) return new ImageInfo(ImageFormat.Svg, 0, 0);
        return new ImageInfo(ImageFormat.Unknown, 0, 0, bytes.Length == 0 ? "the file is empty" : "not a known image format");
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageInfo ReadPng(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 33 || !bytes[12..16].SequenceEqual("IHDR"u8))
            return new ImageInfo(ImageFormat.Png, 0, 0, "the PNG header (IHDR) is missing or cut short");
        int w = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), int.MaxValue);
        int h = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]), int.MaxValue);
        // A complete PNG ends with the IEND chunk; a file cut off in transfer does not.
        bool complete = bytes.Length >= 12 && bytes[^8..^4].SequenceEqual("IEND"u8);
        return new ImageInfo(ImageFormat.Png, w, h, complete ? null : "the PNG ends before its IEND chunk (truncated file)");
    }

    private static ImageInfo ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        int i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF) { i++; continue; }
            byte marker = bytes[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            bool isFrame = marker >= 0xC0 && marker <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
                return new ImageInfo(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            if (length < 2) break;
            i += 2 + length;
        }
        return new ImageInfo(ImageFormat.Jpeg, 0, 0, "no JPEG frame header found");
    }
}
