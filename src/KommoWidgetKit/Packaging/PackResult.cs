namespace KommoWidgetKit.Packaging;

/// <summary>A file left out of the archive and why.</summary>
/// <param name="Path">Root-relative path (a folder ends with <c>/</c>).</param>
/// <param name="Reason">Why, e.g. <c>junk: macOS folder metadata</c> or <c>.kommoignore:3 (*.psd)</c>.</param>
public sealed record ExcludedFile(string Path, string Reason);

/// <summary>The files that pack ships and the ones it leaves out.</summary>
/// <param name="Included">Files to ship, sorted by ordinal path.</param>
/// <param name="Excluded">Files and skipped folders left out, sorted by ordinal path.</param>
public sealed record PackSelection(IReadOnlyList<Model.WidgetFile> Included, IReadOnlyList<ExcludedFile> Excluded)
{
    /// <summary>Total uncompressed size of the included files.</summary>
    public long TotalSize => Included.Sum(f => f.Length);
}

/// <summary>One entry written to the archive.</summary>
/// <param name="Path">Entry name (root-relative, forward slashes).</param>
/// <param name="Size">Uncompressed size in bytes.</param>
/// <param name="CompressedSize">Size in the archive in bytes.</param>
/// <param name="Deflated">True when deflated, false when stored (deflate did not make it smaller).</param>
/// <param name="Crc32">The entry's CRC-32.</param>
public sealed record PackedFile(string Path, long Size, long CompressedSize, bool Deflated, uint Crc32);

/// <summary>What <see cref="WidgetPacker.Pack"/> wrote.</summary>
/// <param name="Files">Entries in archive order (ordinal by path).</param>
/// <param name="Excluded">Files left out, with why.</param>
/// <param name="TotalSize">Sum of the uncompressed sizes.</param>
/// <param name="ArchiveSize">Bytes written to the output.</param>
/// <param name="Sha256">SHA-256 of the archive bytes, lower-case hex.</param>
/// <param name="Timestamp">The time stamped on every entry (UTC wall clock, as written).</param>
public sealed record PackResult(IReadOnlyList<PackedFile> Files, IReadOnlyList<ExcludedFile> Excluded, long TotalSize, long ArchiveSize, string Sha256, DateTime Timestamp)
{
    /// <summary>Entries taken from the last pack's cache (<see cref="PackOptions.Cache"/>) instead of compressed again.</summary>
    public int ReusedEntries { get; init; }

    /// <summary>The compressor that wrote the deflated entries (<see cref="Deflater.Name"/>).</summary>
    public string Compressor { get; init; } = "";
}
