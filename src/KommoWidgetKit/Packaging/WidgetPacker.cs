using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Packaging;

/// <summary>Writes a widget as a byte-reproducible <c>widget.zip</c> with its files at the archive root.</summary>
/// <remarks>The zip container is written here rather than by <see cref="ZipArchive"/>, which stamps local time and may
/// add extra fields. Every run over the same files gives the same bytes: entries in ordinal path order, one fixed time
/// (see <see cref="PackOptions.ResolveTimestamp"/>) written as-is with no time-zone conversion and no extended-time
/// field, Unix permissions 0644, Deflate (an entry is stored when deflate does not shrink it), the UTF-8 name flag on every
/// entry, no extra fields, no comments and no folder entries. Deflate bytes come from libdeflate when the system has it, else
/// from the .NET runtime's zlib-ng (<see cref="Deflater"/>), so machines with different compressors may write different
/// bytes. With <see cref="PackOptions.Cache"/>, the entries of unchanged files are taken from the last pack, which gives the
/// same bytes as compressing them again.</remarks>
public static class WidgetPacker
{
    private const uint LocalHeaderSignature = 0x04034B50, CentralHeaderSignature = 0x02014B50, EndSignature = 0x06054B50;
    private const ushort Utf8Flag = 0x0800;
    private const ushort MadeByUnix = (3 << 8) | 20;
    private const uint RegularFile0644 = 0x81A4u << 16; // S_IFREG | 0644 in the high 16 bits

    /// <summary>Chooses the files to ship: everything loaded except junk (<see cref="JunkRules"/>), the
    /// <c>kommo-widget.json</c> config, <c>.kommoignore</c>, <see cref="PackOptions.ExcludePaths"/>, the default
    /// exclusions (<see cref="PackDefaults.Exclusions"/>) and what <c>.kommoignore</c> and
    /// <see cref="PackOptions.ExcludePatterns"/> exclude. Paths are relative to the widget root, so a widget loaded
    /// through a wrapper folder is shipped without it.</summary>
    public static PackSelection SelectFiles(Widget widget, PackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(widget);
        options ??= PackOptions.Default;
        var rules = BuildRules(widget, options);
        var never = new HashSet<string>(options.ExcludePaths.Select(p => p.Replace('\\', '/').TrimStart('/')), StringComparer.Ordinal);
        var included = new List<WidgetFile>();
        var excluded = new List<ExcludedFile>();
        foreach (var folder in widget.SkippedFolders)
            excluded.Add(new ExcludedFile(folder, "junk: " + (JunkRules.Classify(folder.TrimEnd('/')) ?? "not part of the widget")));
        foreach (var file in widget.Files)
        {
            string? reason = HardExclusion(file.Path, never);
            if (reason is null && rules.FindExcluding(file.Path) is { } pattern) reason = Describe(pattern);
            if (reason is null) included.Add(file);
            else excluded.Add(new ExcludedFile(file.Path, reason));
        }
        included.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        excluded.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new PackSelection(included, excluded);
    }

    /// <summary>Why a file at <paramref name="path"/> (root-relative; it need not exist) would be left out, or null when
    /// it would be shipped. <see cref="PackOptions.ExcludePaths"/> are not consulted, so callers can ask whether a path
    /// is excluded on its own merits (e.g. before writing the archive inside the widget folder).</summary>
    public static string? ExclusionReason(Widget widget, string path, PackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(widget);
        options ??= PackOptions.Default;
        path = path.Replace('\\', '/').TrimStart('/');
        if (HardExclusion(path, new HashSet<string>()) is { } hard) return hard;
        return BuildRules(widget, options).FindExcluding(path) is { } pattern ? Describe(pattern) : null;
    }

    private static string Describe(IgnorePattern pattern) =>
        pattern.Source.StartsWith("default", StringComparison.Ordinal)
            ? $"{pattern.Source[(pattern.Source.IndexOf(':') + 2)..]} (default exclusion '{pattern.Text}')"
            : $"{pattern.Origin} ({pattern.Text.Trim()})";

    private static string? HardExclusion(string path, IReadOnlySet<string> never)
    {
        if (never.Contains(path)) return "the output archive";
        if (JunkRules.Classify(path) is { } junk) return "junk: " + junk;
        if (path == WidgetConfig.FileName) return "kommo-widget configuration (never shipped)";
        if (path == PackDefaults.IgnoreFileName || path.EndsWith("/" + PackDefaults.IgnoreFileName, StringComparison.Ordinal))
            return "pack ignore file (never shipped)";
        return null;
    }

    private static IgnoreRules BuildRules(Widget widget, PackOptions options)
    {
        var rules = new IgnoreRules();
        if (options.DefaultExclusions)
            foreach (var (pattern, reason) in PackDefaults.Exclusions) rules.AddPattern(pattern, "default: " + reason);
        if (options.UseIgnoreFile && widget.GetFile(PackDefaults.IgnoreFileName) is { } ignore)
            rules.Add(Parsing.TextAnalysis.Decode(ignore.Content.Span), PackDefaults.IgnoreFileName);
        foreach (var p in options.ExcludePatterns) rules.AddPattern(p, "option");
        return rules;
    }

    /// <summary>Writes the selected files of <paramref name="widget"/> to <paramref name="output"/> as a zip archive.
    /// The stream need not be seekable and is left open.</summary>
    /// <exception cref="PackException">The archive would need Zip64 (over 65,535 entries or 4 GB), or
    /// <c>SOURCE_DATE_EPOCH</c> is malformed.</exception>
    public static PackResult Pack(Widget widget, PackOptions? options, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(widget);
        ArgumentNullException.ThrowIfNull(output);
        options ??= PackOptions.Default;
        var time = options.ResolveTimestamp();
        var selection = SelectFiles(widget, options);
        var files = selection.Included;
        if (files.Count > ushort.MaxValue)
            throw new PackException($"{files.Count:N0} files is more than a zip without Zip64 can hold (65,535)");

        string compressor = Deflater.Name; // a bad KOMMO_WIDGET_DEFLATE is refused here, before any work
        var entries = new Entry[files.Count];
        var known = options.Cache is { } cache ? Caching.DeflateCache.Read(cache, widget) : null;
        var misses = new List<int>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            if (known is not null && known.TryGet(files[i].ContentHash, files[i].Length, out var hit))
                entries[i] = new Entry(Encoding.UTF8.GetBytes(files[i].Path), files[i].Length, hit.Crc, hit.Data, hit.Deflated);
            else
                misses.Add(i);
        }
        int compressed = misses.Count;
        if (misses.Count > 0)
        {
            // Each worker keeps one compressor (a libdeflate compressor is not shared between threads).
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
            Parallel.For(0, misses.Count, parallel, Deflater.Open, (m, _, session) =>
            {
                entries[misses[m]] = Compress(files[misses[m]], session);
                return session;
            }, session => session.Dispose());
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Cache is { } store && (compressed > 0 || known is null || known.Count != files.Count))
        {
            var keep = new List<(UInt128, long, Caching.DeflateCache.Entry)>(files.Count);
            for (int i = 0; i < files.Count; i++)
                keep.Add((files[i].ContentHash, files[i].Length, new Caching.DeflateCache.Entry(entries[i].Crc, entries[i].Deflated, entries[i].Data)));
            Caching.DeflateCache.Write(store, widget, keep);
        }

        ushort dosTime = (ushort)((time.Hour << 11) | (time.Minute << 5) | (time.Second / 2));
        ushort dosDate = (ushort)(((time.Year - 1980) << 9) | (time.Month << 5) | time.Day);

        using var sink = new HashingSink(output);
        var offsets = new long[entries.Length];
        Span<byte> h = stackalloc byte[46];
        for (int i = 0; i < entries.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var e = entries[i];
            offsets[i] = sink.Position;
            CheckZip32(sink.Position);
            h.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(h, LocalHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], e.Deflated ? (ushort)20 : (ushort)10);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], Utf8Flag);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], e.Deflated ? (ushort)8 : (ushort)0);
            BinaryPrimitives.WriteUInt16LittleEndian(h[10..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(h[12..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(h[14..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)e.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[22..], (uint)e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], 0);
            sink.Write(h[..30]);
            sink.Write(e.Name);
            sink.Write(e.Data.Span);
        }
        long centralStart = sink.Position;
        CheckZip32(centralStart);
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            h.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(h, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], MadeByUnix);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], e.Deflated ? (ushort)20 : (ushort)10);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], Utf8Flag);
            BinaryPrimitives.WriteUInt16LittleEndian(h[10..], e.Deflated ? (ushort)8 : (ushort)0);
            BinaryPrimitives.WriteUInt16LittleEndian(h[12..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(h[14..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(h[16..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[20..], (uint)e.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)e.Name.Length);
            // extra length, comment length, disk number, internal attributes: all 0
            BinaryPrimitives.WriteUInt32LittleEndian(h[38..], RegularFile0644);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], (uint)offsets[i]);
            sink.Write(h);
            sink.Write(e.Name);
        }
        long centralSize = sink.Position - centralStart;
        CheckZip32(sink.Position);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)centralSize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)centralStart);
        sink.Write(end);
        output.Flush();

        var packed = new PackedFile[entries.Length];
        for (int i = 0; i < entries.Length; i++)
            packed[i] = new PackedFile(files[i].Path, entries[i].Size, entries[i].Data.Length, entries[i].Deflated, entries[i].Crc);
        return new PackResult(packed, selection.Excluded, selection.TotalSize, sink.Position, sink.HashHex(), time)
        {
            ReusedEntries = files.Count - compressed,
            Compressor = compressor,
        };
    }

    /// <summary>Packs into a file, writing a temporary file beside it first so a failed run never leaves half an archive.</summary>
    public static PackResult PackToFile(Widget widget, PackOptions? options, string path, CancellationToken cancellationToken = default)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            PackResult result;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                result = Pack(widget, options, stream, cancellationToken);
            File.Move(temp, full, overwrite: true);
            return result;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void CheckZip32(long position)
    {
        if (position > uint.MaxValue) throw new PackException("the archive would be larger than 4 GB, which needs Zip64");
    }

    private sealed record Entry(byte[] Name, long Size, uint Crc, ReadOnlyMemory<byte> Data, bool Deflated);

    private static Entry Compress(WidgetFile file, Deflater.Session session)
    {
        var content = file.Content;
        uint crc = System.IO.Hashing.Crc32.HashToUInt32(content.Span);
        byte[] name = Encoding.UTF8.GetBytes(file.Path);
        return session.Compress(content.Span) is { } deflated
            ? new Entry(name, content.Length, crc, deflated, true)
            : new Entry(name, content.Length, crc, content, false);
    }

    // Counts and hashes what goes to the output, which may be a non-seekable stream.
    private sealed class HashingSink(Stream output) : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Position { get; private set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            output.Write(data);
            _hash.AppendData(data);
            Position += data.Length;
        }

        public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }
}
