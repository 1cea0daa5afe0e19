using System.IO.Compression;
using System.Runtime.InteropServices;

namespace KommoWidgetKit.Packaging;

/// <summary>Raw Deflate (RFC 1951) of whole buffers, for zip entries: libdeflate at level 9 when the system has it, else
/// the .NET runtime's zlib-ng at level 6.</summary>
/// <remarks>
/// <para>libdeflate compresses a buffer in one call, about twice as fast as zlib at level 9 and a little smaller (on the
/// JS-heavy benchmark widget 1.2% smaller than <c>zip -9</c>; bench/README.md). It is a system library on most Linux
/// distributions (Debian and Ubuntu: <c>libdeflate0</c>; Fedora: <c>libdeflate</c>) and in Homebrew, and is looked up
/// by its usual file names when a widget is first packed; nothing else opens it. Without it the archive is about 2%
/// larger and takes longer.</para>
/// <para>The archive's bytes depend on the compressor, so two machines give the same archive when both have libdeflate
/// (of a release that compresses alike) or both lack it. <see cref="CompressorVariable"/> set to <c>zlib</c> always
/// uses the runtime's zlib-ng; set to <c>libdeflate</c> it makes a missing libdeflate an error instead.</para>
/// </remarks>
public static unsafe class Deflater
{
    /// <summary>Environment variable choosing the compressor: <c>libdeflate</c>, <c>zlib</c>, or unset for the best there is.</summary>
    public const string CompressorVariable = "KOMMO_WIDGET_DEFLATE";

    /// <summary>The libdeflate level: its level 9, zlib's strongest level, is the fast end of its strong levels (10 to 12
    /// search far longer for about 1% less).</summary>
    public const int LibDeflateLevel = 9;

    /// <summary>The zlib-ng level used without libdeflate: zlib's default; level 9 saved 0.1% for a third more time.</summary>
    public const int ZlibLevel = 6;

    private static readonly string[] LibraryNames = OperatingSystem.IsWindows() ? ["libdeflate.dll", "deflate.dll"]
        : OperatingSystem.IsMacOS() ? ["libdeflate.0.dylib", "libdeflate.dylib", "/opt/homebrew/lib/libdeflate.dylib", "/usr/local/lib/libdeflate.dylib"]
        : ["libdeflate.so.0", "libdeflate.so"];

    private static readonly Lazy<Native?> s_native = new(Load);

    /// <summary>The compressor in use, e.g. <c>libdeflate level 9</c> or <c>zlib-ng level 6</c>.</summary>
    /// <exception cref="PackException"><see cref="CompressorVariable"/> names an unknown compressor, or libdeflate when
    /// it cannot be loaded.</exception>
    public static string Name => Chosen() is not null ? $"libdeflate level {LibDeflateLevel}" : $"zlib-ng level {ZlibLevel}";

    private static Native? Chosen() => Chosen(Environment.GetEnvironmentVariable(CompressorVariable));

    /// <summary>libdeflate when <paramref name="choice"/> (the variable's value) allows it and it is there, else null (zlib-ng).</summary>
    internal static Native? Chosen(string? choice)
    {
        switch (choice?.Trim().ToLowerInvariant())
        {
            case null or "":
                return s_native.Value;
            case "zlib" or "zlib-ng":
                return null;
            case "libdeflate":
                return s_native.Value ?? throw new PackException($"{CompressorVariable}=libdeflate, but no libdeflate library was found ({string.Join(", ", LibraryNames)}); install it (Debian and Ubuntu: libdeflate0) or unset {CompressorVariable}");
            default:
                throw new PackException($"{CompressorVariable} must be libdeflate or zlib, not '{choice}'");
        }
    }

    /// <summary>A compressor for one thread; dispose it when done.</summary>
    public static Session Open() => new(Chosen());

    /// <summary>A compressor for one thread that uses the runtime's zlib-ng, whatever the system has.</summary>
    internal static Session OpenZlib() => new(null);

    /// <summary>A compressor for one thread on libdeflate, or null when it cannot be loaded.</summary>
    internal static Session? OpenLibDeflate() => s_native.Value is { } native ? new(native) : null;

    internal sealed class Native(nint alloc, nint compress, nint free)
    {
        public readonly delegate* unmanaged<int, nint> Alloc = (delegate* unmanaged<int, nint>)alloc;
        public readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint> Compress = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint>)compress;
        public readonly delegate* unmanaged<nint, void> Free = (delegate* unmanaged<nint, void>)free;
    }

    private static Native? Load()
    {
        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out nint library)) continue;
            if (NativeLibrary.TryGetExport(library, "libdeflate_alloc_compressor", out nint alloc)
                && NativeLibrary.TryGetExport(library, "libdeflate_deflate_compress", out nint compress)
                && NativeLibrary.TryGetExport(library, "libdeflate_free_compressor", out nint free))
                return new Native(alloc, compress, free); // the library stays loaded for the process
            NativeLibrary.Free(library);
        }
        return null;
    }

    /// <summary>Compresses buffers on one thread (a libdeflate compressor is not shared between threads).</summary>
    public sealed class Session : IDisposable
    {
        private readonly Native? _native;
        private nint _compressor;
        private byte[] _buffer = [];

        internal Session(Native? native)
        {
            _native = native;
            if (native is not null)
            {
                _compressor = native.Alloc(LibDeflateLevel);
                if (_compressor == 0) throw new OutOfMemoryException("libdeflate could not allocate a compressor");
            }
        }

        /// <summary>The raw Deflate of <paramref name="input"/>, or null when it would not be smaller than the input (the
        /// entry is then stored).</summary>
        public byte[]? Compress(ReadOnlySpan<byte> input)
        {
            if (input.Length == 0) return null;
            if (_native is null) return CompressZlib(input);
            ObjectDisposedException.ThrowIf(_compressor == 0, this);
            // Only output smaller than the input is wanted: libdeflate returns 0 when it does not fit.
            int avail = input.Length - 1;
            if (avail <= 0) return null;
            if (_buffer.Length < avail) _buffer = GC.AllocateUninitializedArray<byte>(Math.Max(avail, 64 * 1024));
            nuint written;
            fixed (byte* src = input)
            fixed (byte* dst = _buffer)
                written = _native.Compress(_compressor, src, (nuint)input.Length, dst, (nuint)avail);
            return written == 0 ? null : _buffer.AsSpan(0, (int)written).ToArray();
        }

        private static byte[]? CompressZlib(ReadOnlySpan<byte> input)
        {
            var buffer = new MemoryStream(input.Length / 2 + 64);
            using (var deflate = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = ZlibLevel, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true))
                deflate.Write(input);
            return buffer.Length >= input.Length ? null : buffer.ToArray();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_native is not null && _compressor != 0)
            {
                _native.Free(_compressor);
                _compressor = 0;
            }
        }
    }
}
