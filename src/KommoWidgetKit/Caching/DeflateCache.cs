using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.Caching;

/// <summary>The compressed entries of a widget's last pack, kept in a <see cref="WidgetCache"/> and looked up by the
/// hash of each file's content, so packing again compresses only the files that changed.</summary>
/// <remarks>An entry's Deflate bytes depend only on its content and the compressor, so a record is used only by the same
/// build of the tool with the same compressor, recognised by what it makes of a fixed sample (a different libdeflate
/// release may compress differently): the archive is then byte for byte the one a run without the cache writes.</remarks>
internal sealed class DeflateCache
{
    private const string Kind = "deflate";
    private const byte FormatVersion = 1;

    /// <summary>A compressed (or stored) entry: its CRC-32, whether it is deflated, and the bytes the archive holds.</summary>
    public readonly record struct Entry(uint Crc, bool Deflated, ReadOnlyMemory<byte> Data);

    private readonly Dictionary<(UInt128 Hash, long Size), Entry> _entries;

    private DeflateCache(Dictionary<(UInt128, long), Entry> entries) => _entries = entries;

    /// <summary>Number of entries read back.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of content with this hash and size, when the last pack had it.</summary>
    public bool TryGet(UInt128 hash, long size, out Entry entry) => _entries.TryGetValue((hash, size), out entry);

    private static UInt128 SlotOf(Model.Widget widget) => WidgetCache.Slot(Kind, WidgetCache.Location(widget));

    /// <summary>The compressor's identity: the tool's build, the compressor's name and a hash of its output for a fixed sample.</summary>
    public static string CompressorIdentity => s_identity ??= ComputeIdentity();
    private static string? s_identity;

    private static string ComputeIdentity()
    {
        // A few kilobytes of text with repeats near and far, as source code has.
        var sample = new StringBuilder();
        uint x = 2463534242;
        string[] words = ["define", "function", "return", "widget", "this", "callbacks", "render", "settings", "var", "self", "true", "false", "null"];
        for (int i = 0; i < 1200; i++)
        {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            sample.Append(words[x % (uint)words.Length]).Append((x & 7) == 0 ? ";\n" : " ");
        }
        using var session = Deflater.Open();
        var deflated = session.Compress(Encoding.ASCII.GetBytes(sample.ToString())) ?? [];
        return $"{WidgetCache.ToolIdentity}|{Deflater.Name}|{XxHash3.HashToUInt64(deflated):x16}";
    }

    /// <summary>The entries last stored for the widget at <paramref name="widget"/>'s location, or an empty set.</summary>
    public static DeflateCache Read(WidgetCache cache, Model.Widget widget)
    {
        var empty = new DeflateCache([]);
        if (cache.Read(Kind, SlotOf(widget)) is not { } data) return empty;
        var memory = data.AsMemory();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data.Array!, data.Offset, data.Count, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion || reader.ReadString() != CompressorIdentity) return empty;
            int count = reader.ReadInt32();
            if (count < 0 || count > data.Count) return empty;
            var entries = new Dictionary<(UInt128, long), Entry>(count);
            Span<byte> hash = stackalloc byte[16];
            for (int i = 0; i < count; i++)
            {
                reader.BaseStream.ReadExactly(hash);
                long size = reader.ReadInt64();
                uint crc = reader.ReadUInt32();
                bool deflated = reader.ReadBoolean();
                int length = reader.ReadInt32();
                int offset = checked((int)reader.BaseStream.Position);
                if (length < 0 || length > data.Count - offset || size < 0 || (!deflated && length != size)) return empty;
                reader.BaseStream.Position = offset + length;
                entries[(BinaryPrimitives.ReadUInt128LittleEndian(hash), size)] = new Entry(crc, deflated, memory.Slice(offset, length));
            }
            return reader.BaseStream.Position == data.Count ? new DeflateCache(entries) : empty;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or DecoderFallbackException or OverflowException)
        {
            return empty;
        }
    }

    /// <summary>Stores the entries of this pack (only those: the files a widget no longer has are let go).</summary>
    public static void Write(WidgetCache cache, Model.Widget widget, IReadOnlyList<(UInt128 Hash, long Size, Entry Entry)> entries)
    {
        long total = 0;
        foreach (var e in entries) total += e.Entry.Data.Length + 33;
        if (total > int.MaxValue / 2) return;
        var stream = new MemoryStream((int)total + 256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(CompressorIdentity);
            writer.Write(entries.Count);
            Span<byte> hash = stackalloc byte[16];
            foreach (var (h, size, entry) in entries)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(hash, h);
                writer.Write(hash);
                writer.Write(size);
                writer.Write(entry.Crc);
                writer.Write(entry.Deflated);
                writer.Write(entry.Data.Length);
                writer.Write(entry.Data.Span);
            }
        }
        cache.Write(Kind, SlotOf(widget), stream.GetBuffer().AsSpan(0, (int)stream.Length));
    }
}
