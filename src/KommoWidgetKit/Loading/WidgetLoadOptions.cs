namespace KommoWidgetKit.Loading;

/// <summary>Limits and switches for <see cref="WidgetLoader"/>; the defaults suit any real widget.</summary>
public sealed record WidgetLoadOptions
{
    /// <summary>Largest single file accepted, in bytes (uncompressed).</summary>
    public long MaxFileSize { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest total of all files accepted, in bytes (uncompressed).</summary>
    public long MaxTotalSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most files (archive entries) accepted.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Deepest folder nesting followed.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Largest archive accepted, in bytes (compressed).</summary>
    public long MaxArchiveSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>The default options.</summary>
    public static WidgetLoadOptions Default { get; } = new();
}
