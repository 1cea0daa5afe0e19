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

    /// <summary>Read a folder's files only to hash them (through one small buffer) and read each again when its bytes
    /// are first used, so that a run answered from the cache (<see cref="Caching.WidgetCache"/>) touches little memory.
    /// A file that changed in between is refused then with a <see cref="WidgetLoadException"/>. Archives are read whole
    /// either way. For short runs; a long-lived holder of the widget (an editor, the dev host) should read eagerly.</summary>
    public bool DeferContent { get; init; }

    /// <summary>The default options.</summary>
    public static WidgetLoadOptions Default { get; } = new();
}
