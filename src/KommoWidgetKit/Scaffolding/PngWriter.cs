using System.Buffers.Binary;
using System.IO.Compression;

namespace KommoWidgetKit.Scaffolding;

/// <summary>Writes small RGBA PNG files (used for generated logos and test fixtures).</summary>
public static class PngWriter
{
    /// <summary>Encodes an image of the given size; <paramref name="pixel"/> returns RGBA for (x, y).</summary>
    public static byte[] Encode(int width, int height, Func<int, int, uint> pixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var raw = new byte[height * (1 + width * 4)];
        int o = 0;
        for (int y = 0; y < height; y++)
        {
            raw[o++] = 0; // filter: none
            for (int x = 0; x < width; x++)
            {
                uint rgba = pixel(x, y);
                BinaryPrimitives.WriteUInt32BigEndian(raw.AsSpan(o), rgba);
                o += 4;
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(raw);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 6;  // colour type: RGBA
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A solid-colour image.</summary>
    public static byte[] Solid(int width, int height, uint rgba) => Encode(width, height, (_, _) => rgba);

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        var crc32 = new System.IO.Hashing.Crc32();
        crc32.Append(head[4..]);
        crc32.Append(data);
        uint crc = crc32.GetCurrentHashAsUInt32();
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }
}
