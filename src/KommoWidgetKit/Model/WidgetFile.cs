namespace KommoWidgetKit.Model;

/// <summary>One file of a widget: its path relative to the widget root (forward slashes) and its bytes.</summary>
public sealed class WidgetFile
{
    private ReadOnlyMemory<byte> _content;
    private Func<byte[]>? _read; // set while the content of a deferred file has not been read
    private readonly object? _gate;
    private UInt128 _hash;
    private bool _hashed;

    /// <summary>A file with its bytes.</summary>
    public WidgetFile(string path, ReadOnlyMemory<byte> content, DateTimeOffset? lastWrite = null)
    {
        Path = path;
        _content = content;
        Length = content.Length;
        LastWrite = lastWrite;
        Extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
    }

    /// <summary>A file whose bytes were hashed while listing the widget but not kept: they are read again on first use,
    /// and refused (<see cref="Loading.WidgetLoadException"/>) if they are no longer what was hashed.</summary>
    internal WidgetFile(string path, long length, UInt128 hash, Func<byte[]> read, DateTimeOffset? lastWrite)
    {
        Path = path;
        Length = length;
        LastWrite = lastWrite;
        Extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        _hash = hash;
        _hashed = true;
        _read = read;
        _gate = new object();
    }

    /// <summary>Path relative to the widget root, with forward slashes, e.g. <c>images/logo.png</c>.</summary>
    public string Path { get; }

    /// <summary>The file's bytes.</summary>
    /// <exception cref="Loading.WidgetLoadException">The file was loaded with deferred content and changed on disk since.</exception>
    public ReadOnlyMemory<byte> Content => Volatile.Read(ref _read) is null ? _content : ReadDeferred();

    /// <summary>Size in bytes.</summary>
    public long Length { get; }

    /// <summary>Last write time from the folder or the archive entry, when known.</summary>
    public DateTimeOffset? LastWrite { get; }

    /// <summary>The XXH128 hash of <see cref="Content"/>, computed on first use: what the caches key a file's content by.</summary>
    public UInt128 ContentHash
    {
        get
        {
            if (!Volatile.Read(ref _hashed))
            {
                _hash = System.IO.Hashing.XxHash128.HashToUInt128(Content.Span);
                Volatile.Write(ref _hashed, true);
            }
            return _hash;
        }
    }

    /// <summary>File name without the folder.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Lower-case extension with the dot, e.g. <c>.png</c>.</summary>
    public string Extension { get; }

    /// <summary>The same file at another path (its bytes still unread if they were).</summary>
    internal WidgetFile WithPath(string path)
    {
        if (_gate is not null)
            lock (_gate)
                if (_read is { } read) return new WidgetFile(path, Length, _hash, read, LastWrite);
        return new WidgetFile(path, _content, LastWrite);
    }

    private ReadOnlyMemory<byte> ReadDeferred()
    {
        lock (_gate!)
        {
            if (_read is { } read)
            {
                byte[] bytes;
                try
                {
                    bytes = read();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new Loading.WidgetLoadException($"'{Path}' could not be read again: {ex.Message}");
                }
                if (bytes.LongLength != Length || System.IO.Hashing.XxHash128.HashToUInt128(bytes) != _hash)
                    throw new Loading.WidgetLoadException($"'{Path}' changed while kommo-widget was reading the widget; run it again");
                _content = bytes;
                Volatile.Write(ref _read, null);
            }
            return _content;
        }
    }

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
