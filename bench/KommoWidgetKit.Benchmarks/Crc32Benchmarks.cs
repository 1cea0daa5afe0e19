using BenchmarkDotNet.Attributes;

namespace KommoWidgetKit.Benchmarks;

/// <summary>CRC-32 of a 3.5 MB buffer: the slicing-by-8 code the packer used to carry, against System.IO.Hashing.Crc32
/// (which the packer uses now). Kept to show the switch was not a slowdown; see bench/README.md.</summary>
[MemoryDiagnoser]
public class Crc32Benchmarks
{
    private byte[] _data = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[3_500_000];
        new Random(42).NextBytes(_data);
        if (SlicingBy8Crc32.Compute(_data) != System.IO.Hashing.Crc32.HashToUInt32(_data))
            throw new InvalidOperationException("the two CRC-32 implementations disagree");
    }

    [Benchmark(Baseline = true)]
    public uint HandWritten_SlicingBy8() => SlicingBy8Crc32.Compute(_data);

    [Benchmark]
    public uint SystemIOHashing() => System.IO.Hashing.Crc32.HashToUInt32(_data);
}

/// <summary>The former KommoWidgetKit.Packaging.Crc32 (IEEE 802.3, slicing-by-8), kept here only as the baseline.</summary>
internal static class SlicingBy8Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var t = Table;
        uint c = ~0u;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint one = c ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            uint two = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
            c = t[7 * 256 + (one & 0xFF)] ^ t[6 * 256 + ((one >> 8) & 0xFF)] ^ t[5 * 256 + ((one >> 16) & 0xFF)] ^ t[4 * 256 + (one >> 24)]
              ^ t[3 * 256 + (two & 0xFF)] ^ t[2 * 256 + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
        }
        for (; i < data.Length; i++) c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    private static uint[] BuildTable()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (int n = 0; n < 256; n++)
            for (int k = 1; k < 8; k++)
                t[k * 256 + n] = (t[(k - 1) * 256 + n] >> 8) ^ t[t[(k - 1) * 256 + n] & 0xFF];
        return t;
    }
}
