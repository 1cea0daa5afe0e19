namespace KommoWidgetKit.Model;

/// <summary>One file of a widget: its path relative to the widget root (forward slashes) and its bytes.</summary>
public sealed class WidgetFile(string path, ReadOnlyMemory<byte> content, DateTimeOffset? lastWrite = null)
{
    /// <summary>Path relative to the widget root, with forward slashes, e.g. <c>images/logo.png</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; } = content;

    /// <summary>Size in bytes.</summary>
    public long Length => Content.Length;

    /// <summary>Last write time from the folder or the archive entry, when known.</summary>
    public DateTimeOffset? LastWrite { get; } = lastWrite;

    /// <summary>File name without the folder.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Lower-case extension with the dot, e.g. <c>.png</c>.</summary>
    public string Extension { get; } = System.IO.Path.GetExtension(path).ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Path;
}

/// <summary>Where a widget was loaded from.</summary>
public enum WidgetSourceKind
{
    /// <summary>A folder on disk.</summary>
    Folder,
    /// <summary>A .zip archive.</summary>
    Zip,
    /// <summary>Files given in memory.</summary>
    Memory,
}
