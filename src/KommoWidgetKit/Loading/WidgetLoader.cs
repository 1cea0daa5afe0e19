using System.IO.Compression;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Loading;

/// <summary>Reads a widget from a folder or a .zip archive into an immutable <see cref="Widget"/>.</summary>
/// <remarks>Input is treated as hostile: unsafe paths, links, encrypted entries and oversized content are refused
/// and recorded as <see cref="LoadIssue"/>s; only a missing or unreadable input throws <see cref="WidgetLoadException"/>.</remarks>
public static class WidgetLoader
{
    /// <summary>Loads the folder or .zip file at <paramref name="path"/>.</summary>
    /// <remarks>A file named <c>.zip</c>, or starting with a zip signature, that cannot be read as a zip archive loads as a
    /// widget with no files and a <see cref="LoadIssueKind.Corrupt"/> load issue (truncated, damaged, or not a zip).</remarks>
    /// <exception cref="WidgetLoadException">The path does not exist, is neither a folder nor a zip archive (by name or
    /// content), cannot be opened, or is over <see cref="WidgetLoadOptions.MaxArchiveSize"/>.</exception>
    public static Widget Load(string path, WidgetLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= WidgetLoadOptions.Default;
        if (Directory.Exists(path)) return LoadFolder(path, options, cancellationToken);
        if (File.Exists(path))
        {
            Stream stream;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new WidgetLoadException($"cannot read '{path}': {ex.Message}", ex);
            }
            using (stream)
            {
                // A .zip that is not one (cut off, damaged, an HTML page saved under that name) is a finding about the
                // archive, not a usage error: it loads as a widget with no files and a load issue saying what is wrong.
                if (!LooksLikeZip(stream) && !path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    throw new WidgetLoadException($"'{path}' is neither a folder nor a zip archive");
                if (stream.Length > options.MaxArchiveSize)
                    throw new WidgetLoadException($"'{path}' is {stream.Length:N0} bytes; archives over {options.MaxArchiveSize:N0} bytes are refused") { Kind = LoadIssueKind.TotalTooLarge };
                return LoadZip(stream, Path.GetFullPath(path), options, cancellationToken);
            }
        }
        throw new WidgetLoadException($"'{path}' does not exist");
    }

    /// <summary>Like <see cref="Load"/>, but an input that cannot be loaded at all (missing, neither a folder nor a zip,
    /// unopenable, an archive over <see cref="WidgetLoadOptions.MaxArchiveSize"/>) gives a widget with no files and one load
    /// issue at the root (<see cref="WidgetLoadException.Kind"/>, the exception's message as detail) instead of throwing, so
    /// the validator reports it as a finding (KW6011, or KW6001 for the size) and nothing else. For hosts that keep running
    /// while their input comes and goes, such as the dev host.</summary>
    public static Widget LoadOrEmpty(string path, WidgetLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return Load(path, options, cancellationToken);
        }
        catch (WidgetLoadException ex)
        {
            var collector = new Collector(options ?? WidgetLoadOptions.Default);
            collector.Issue(ex.Kind, "", ex.Message);
            // A file (or a name ending in .zip) was meant as an archive; anything else as a folder.
            bool archive = File.Exists(path) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            return collector.Build(path, archive ? WidgetSourceKind.Zip : WidgetSourceKind.Folder);
        }
    }

    /// <summary>Loads a widget from a zip archive in a stream (which must be seekable).</summary>
    /// <remarks>A stream that is not a readable zip archive gives a widget with no files and one
    /// <see cref="LoadIssueKind.Corrupt"/> issue saying whether it is truncated, damaged or no zip at all.</remarks>
    public static Widget LoadZip(Stream stream, string sourceName, WidgetLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= WidgetLoadOptions.Default;
        var collector = new Collector(options);
        if (ArchiveProblem(stream, sourceName) is { } problem)
        {
            collector.Issue(LoadIssueKind.Corrupt, "", problem);
            return collector.Build(sourceName, WidgetSourceKind.Zip);
        }
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > options.MaxEntries)
            {
                collector.Issue(LoadIssueKind.TooManyEntries, "", $"the archive has {archive.Entries.Count:N0} entries; at most {options.MaxEntries:N0} are read");
            }
            int index = 0;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (index++ >= options.MaxEntries) break;
                ReadEntry(entry, collector);
                if (collector.Stopped) break;
            }
        }
        catch (InvalidDataException ex)
        {
            collector.Issue(LoadIssueKind.Corrupt, "", $"damaged: it starts like a zip archive, but its central directory cannot be read ({ex.Message.TrimEnd('.')})");
        }
        return collector.Build(sourceName, WidgetSourceKind.Zip);
    }

    /// <summary>Loads a widget from files given in memory (paths relative to the root, forward slashes).</summary>
    public static Widget FromFiles(IEnumerable<KeyValuePair<string, byte[]>> files, string sourceName = "memory", WidgetLoadOptions? options = null)
    {
        var collector = new Collector(options ?? WidgetLoadOptions.Default);
        foreach (var (path, bytes) in files)
        {
            var normal = NormalizeEntryName(path, out var problem);
            if (normal is null)
            {
                collector.Issue(LoadIssueKind.UnsafePath, path, problem!);
                continue;
            }
            collector.AddFile(normal, bytes, null);
        }
        return collector.Build(sourceName, WidgetSourceKind.Memory);
    }

    private static void ReadEntry(ZipArchiveEntry entry, Collector collector)
    {
        string name = entry.FullName;
        bool isDirectory = name.EndsWith('/') || name.EndsWith('\\');
        var normal = NormalizeEntryName(name, out var problem);
        if (normal is null)
        {
            collector.Issue(LoadIssueKind.UnsafePath, name, problem!);
            return;
        }
        if (isDirectory || normal.Length == 0) return;
        int unixMode = (entry.ExternalAttributes >> 16) & 0xF000;
        if (unixMode == 0xA000)
        {
            collector.Issue(LoadIssueKind.Link, normal, "symbolic links are not allowed in a widget archive");
            return;
        }
        if (collector.IsInSkippedFolder(normal)) return;
        if (entry.IsEncrypted)
        {
            collector.Issue(LoadIssueKind.Encrypted, normal, "the entry is encrypted (password-protected); Kommo cannot read it");
            return;
        }
        if (entry.Length > collector.Options.MaxFileSize)
        {
            collector.Issue(LoadIssueKind.FileTooLarge, normal, $"it unpacks to {entry.Length:N0} bytes; files over {collector.Options.MaxFileSize:N0} bytes are refused");
            return;
        }
        byte[] content;
        try
        {
            using var s = entry.Open();
            content = ReadCapped(s, Math.Min(collector.Options.MaxFileSize, collector.RemainingBudget), out bool overflow);
            if (overflow)
            {
                bool total = collector.RemainingBudget < collector.Options.MaxFileSize;
                collector.Issue(total ? LoadIssueKind.TotalTooLarge : LoadIssueKind.FileTooLarge, normal,
                    total
                        ? $"the archive unpacks to more than {collector.Options.MaxTotalSize:N0} bytes; reading stopped here"
                        : $"it unpacks to more than {collector.Options.MaxFileSize:N0} bytes (its header claims {entry.Length:N0})");
                if (total) collector.Stop();
                return;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            collector.Issue(LoadIssueKind.Corrupt, normal, $"the entry cannot be unpacked ({ex.Message.TrimEnd('.')})");
            return;
        }
        collector.AddFile(normal, content, entry.LastWriteTime);
    }

    private static byte[] ReadCapped(Stream source, long cap, out bool overflow)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > cap)
            {
                overflow = true;
                return [];
            }
            buffer.Write(chunk, 0, read);
        }
        overflow = false;
        return buffer.ToArray();
    }

    /// <summary>Normalises an archive entry name to a relative forward-slash path, or returns null with the reason it is unsafe.</summary>
    public static string? NormalizeEntryName(string name, out string? problem)
    {
        problem = null;
        string p = name.Replace('\\', '/');
        if (p.StartsWith('/'))
        {
            problem = "absolute paths are not allowed";
            return null;
        }
        if (p.Length >= 2 && char.IsAsciiLetter(p[0]) && p[1] == ':')
        {
            problem = "paths with a drive letter are not allowed";
            return null;
        }
        if (p.Contains('\0'))
        {
            problem = "the path contains a NUL character";
            return null;
        }
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                problem = "the path climbs out of the widget root with '..'";
                return null;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static bool LooksLikeZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        int n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return HasZipSignature(head[..n]);
    }

    // A local file header (PK 3 4), an end of central directory (PK 5 6, an empty archive) or a spanning marker (PK 7 8).
    private static bool HasZipSignature(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && (head[2] is 3 or 5 or 7) && (head[3] is 4 or 6 or 8);

    private const int EocdSize = 22;

    /// <summary>Why the stream cannot be a zip archive, or null when it may be one: no zip signature at the start
    /// (with what it looks like instead), or no end-of-central-directory record at the end (cut off).</summary>
    private static string? ArchiveProblem(Stream stream, string sourceName)
    {
        long length = stream.Length;
        stream.Position = 0;
        Span<byte> head = stackalloc byte[512];
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        if (!HasZipSignature(head))
        {
            string despite = sourceName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? " despite its name" : "";
            return $"not a zip archive{despite}: {DescribeContent(head, length)}";
        }
        // The end-of-central-directory record (22 bytes and a comment of up to 65,535) closes every zip archive;
        // a download or copy that stopped early has lost it.
        int tailLength = (int)Math.Min(length, EocdSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);
        stream.Position = 0;
        for (int i = tailLength - 4; i >= 0; i--)
        {
            if (tail[i] != (byte)'P' || tail[i + 1] != (byte)'K' || tail[i + 2] != 5 || tail[i + 3] != 6) continue;
            if (i + EocdSize <= tailLength) return null;
            return $"truncated: the file ends after {length:N0} bytes, inside the end-of-central-directory record that closes a zip archive (an interrupted download or copy?)";
        }
        return $"truncated: the file ends after {length:N0} bytes without the end-of-central-directory record that closes a zip archive (an interrupted download or copy?)";
    }

    /// <summary>What a file that is not a zip archive looks like, from its first bytes.</summary>
    private static string DescribeContent(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0) return "the file is empty (0 bytes)";
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == (byte)'<')
        {
            string start = System.Text.Encoding.ASCII.GetString(text[..Math.Min(text.Length, 200)]).ToLowerInvariant();
            if (start.Contains("<html", StringComparison.Ordinal) || start.Contains("<!doctype html", StringComparison.Ordinal)
                || start.Contains("<head", StringComparison.Ordinal) || start.Contains("<body", StringComparison.Ordinal))
                return $"it is an HTML page ({length:N0} bytes; an error or login page saved instead of the download?)";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return $"it is a gzip file ({length:N0} bytes)";
        if (head.StartsWith("Rar!"u8)) return $"it is a RAR archive ({length:N0} bytes)";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C])) return $"it is a 7-Zip archive ({length:N0} bytes)";
        if (System.Text.Unicode.Utf8.IsValid(head) && !head.ContainsAnyInRange((byte)0, (byte)8))
            return $"it is a text file ({length:N0} bytes)";
        return $"it does not start with a zip signature ({length:N0} bytes, starting {Convert.ToHexString(head[..Math.Min(head.Length, 4)])})";
    }

    private static Widget LoadFolder(string root, WidgetLoadOptions options, CancellationToken cancellationToken)
    {
        var collector = new Collector(options);
        var rootInfo = new DirectoryInfo(Path.GetFullPath(root));
        var pending = new Stack<(DirectoryInfo Dir, string Rel, int Depth)>();
        pending.Push((rootInfo, "", 0));
        while (pending.Count > 0 && !collector.Stopped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, rel, depth) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = dir.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                collector.Issue(LoadIssueKind.Unreadable, rel, ex.Message);
                continue;
            }
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var entry in entries)
            {
                string path = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
                // The attributes come with the listing; only a link is asked where it points (one readlink each).
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 && entry.LinkTarget is not null)
                {
                    collector.Issue(LoadIssueKind.Link, path, $"symbolic link to '{entry.LinkTarget}' is not followed");
                    continue;
                }
                if (entry is DirectoryInfo sub)
                {
                    if (collector.IsInSkippedFolder(path + "/x")) continue;
                    if (depth + 1 > options.MaxDepth)
                    {
                        collector.Issue(LoadIssueKind.TooDeep, path, $"folders nested deeper than {options.MaxDepth} levels are not read");
                        continue;
                    }
                    pending.Push((sub, path, depth + 1));
                    continue;
                }
                var file = (FileInfo)entry;
                if (collector.FileCount >= options.MaxEntries)
                {
                    collector.Issue(LoadIssueKind.TooManyEntries, path, $"more than {options.MaxEntries:N0} files; the rest are not read");
                    collector.Stop();
                    break;
                }
                if (file.Length > options.MaxFileSize)
                {
                    collector.Issue(LoadIssueKind.FileTooLarge, path, $"it is {file.Length:N0} bytes; files over {options.MaxFileSize:N0} bytes are refused");
                    continue;
                }
                if (file.Length > collector.RemainingBudget)
                {
                    collector.Issue(LoadIssueKind.TotalTooLarge, path, $"the widget is larger than {options.MaxTotalSize:N0} bytes; reading stopped here");
                    collector.Stop();
                    break;
                }
                collector.Plan(path, file);
            }
        }
        ReadPlanned(collector, cancellationToken);
        return collector.Build(rootInfo.FullName, WidgetSourceKind.Folder);
    }

    // The files found are read into one buffer of their total size: one allocation, not zeroed, instead of an array per
    // file that the garbage collector would zero and then copy about as the heap grows (a third of a cached pack's time
    // went there). A file whose size changed since it was listed is read on its own.
    private static void ReadPlanned(Collector collector, CancellationToken cancellationToken)
    {
        if (collector.Options.DeferContent)
        {
            HashPlanned(collector, cancellationToken);
            return;
        }
        var planned = collector.TakePlanned();
        Span<byte> probe = stackalloc byte[1];
        long total = 0;
        foreach (var (_, info) in planned) total += info.Length;
        byte[] buffer = total > 0 && total <= Array.MaxLength ? GC.AllocateUninitializedArray<byte>((int)total) : [];
        int offset = 0;
        foreach (var (path, info) in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int length = (int)info.Length;
            try
            {
                if (offset + length > buffer.Length)
                {
                    collector.AddFile(path, File.ReadAllBytes(info.FullName), info.LastWriteTimeUtc);
                    continue;
                }
                using var handle = File.OpenHandle(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var slot = buffer.AsMemory(offset, length);
                int read = 0;
                while (read < length)
                {
                    int n = RandomAccess.Read(handle, slot.Span[read..], read);
                    if (n == 0) break;
                    read += n;
                }
                if (read < length || RandomAccess.Read(handle, probe, read) != 0)
                {
                    // Changed while being read: take it as it is now, within the same caps.
                    var now = File.ReadAllBytes(info.FullName);
                    if (now.LongLength > collector.Options.MaxFileSize)
                    {
                        collector.Issue(LoadIssueKind.FileTooLarge, path, $"it is {now.LongLength:N0} bytes; files over {collector.Options.MaxFileSize:N0} bytes are refused");
                        continue;
                    }
                    collector.AddFile(path, now, info.LastWriteTimeUtc);
                    continue;
                }
                offset += length;
                collector.AddFile(path, slot, info.LastWriteTimeUtc);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                collector.Issue(LoadIssueKind.Unreadable, path, ex.Message);
            }
        }
    }

    // Deferred content: each file is read through one reused buffer to hash it, and read again only when its bytes are
    // used (WidgetFile checks they are still what was hashed). Fresh memory is what costs most on a run answered from
    // the cache: every page the process touches for the first time is a page fault.
    private static void HashPlanned(Collector collector, CancellationToken cancellationToken)
    {
        var planned = collector.TakePlanned();
        // As large as the largest file, up to 256 KB: every page of it is touched, and fresh pages are what costs.
        long largest = 0;
        foreach (var (_, info) in planned) largest = Math.Max(largest, info.Length);
        var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(largest + 1, 4096, 256 * 1024));
        foreach (var (path, info) in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string full = info.FullName;
            try
            {
                using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var hash = new System.IO.Hashing.XxHash128();
                long length = 0;
                while (true)
                {
                    int n = RandomAccess.Read(handle, buffer, length);
                    if (n == 0) break;
                    hash.Append(buffer.AsSpan(0, n));
                    length += n;
                    if (length > collector.Options.MaxFileSize) break;
                }
                if (length > collector.Options.MaxFileSize)
                {
                    collector.Issue(LoadIssueKind.FileTooLarge, path, $"it is over {collector.Options.MaxFileSize:N0} bytes; files over {collector.Options.MaxFileSize:N0} bytes are refused");
                    continue;
                }
                collector.AddFile(new WidgetFile(path, length, hash.GetCurrentHashAsUInt128(), () => File.ReadAllBytes(full), info.LastWriteTimeUtc));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                collector.Issue(LoadIssueKind.Unreadable, path, ex.Message);
            }
        }
    }

    private sealed class Collector(WidgetLoadOptions options)
    {
        private readonly Dictionary<string, WidgetFile> _files = new(StringComparer.Ordinal);
        private readonly List<LoadIssue> _issues = [];
        private readonly SortedSet<string> _skipped = new(StringComparer.Ordinal);
        private long _total;

        public WidgetLoadOptions Options { get; } = options;
        public bool Stopped { get; private set; }
        private List<(string Path, FileInfo Info)> _planned = [];
        private long _plannedTotal;

        public int FileCount => _files.Count + _planned.Count;
        public long RemainingBudget => Options.MaxTotalSize - _total - _plannedTotal;

        /// <summary>Files of a folder found and within the caps, to be read once the listing is done; the list is emptied.</summary>
        public List<(string Path, FileInfo Info)> TakePlanned()
        {
            var list = _planned;
            _planned = [];
            _plannedTotal = 0;
            return list;
        }

        public void Plan(string path, FileInfo info)
        {
            _planned.Add((path, info));
            _plannedTotal += info.Length;
        }

        public void Stop() => Stopped = true;

        public void Issue(LoadIssueKind kind, string path, string detail) => _issues.Add(new LoadIssue(kind, path, detail));

        public bool IsInSkippedFolder(string path)
        {
            int prefix = JunkRules.SkippedFolderPrefix(path);
            if (prefix == 0) return false;
            _skipped.Add(path[..(prefix + 1)]);
            return true;
        }

        public void AddFile(string path, ReadOnlyMemory<byte> bytes, DateTimeOffset? lastWrite) =>
            AddFile(new WidgetFile(path, bytes, lastWrite));

        public void AddFile(WidgetFile file)
        {
            if (IsInSkippedFolder(file.Path)) return;
            if (_files.ContainsKey(file.Path))
            {
                Issue(LoadIssueKind.DuplicateEntry, file.Path, "the archive has two entries with this path; the first one is used");
                return;
            }
            _total += file.Length;
            _files[file.Path] = file;
        }

        // Loops rather than LINQ: this runs on every start, also when the findings come from the cache.
        public Widget Build(string source, WidgetSourceKind kind)
        {
            var files = new WidgetFile[_files.Count];
            _files.Values.CopyTo(files, 0);
            string? wrapper = FindWrapperFolder(files);
            if (wrapper is not null)
            {
                int cut = wrapper.Length + 1;
                int kept = 0;
                foreach (var f in files)
                    if (f.Path.Length > cut) files[kept++] = f.WithPath(f.Path[cut..]);
                Array.Resize(ref files, kept);
            }
            Array.Sort(files, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            var skipped = new string[_skipped.Count];
            int i = 0;
            foreach (string s in _skipped)
                skipped[i++] = wrapper is not null && s.StartsWith(wrapper + "/", StringComparison.Ordinal) ? s[(wrapper.Length + 1)..] : s;
            return new Widget(source, kind, files, [.. _issues], skipped, wrapper);
        }

        // The most common upload mistake: everything inside one top-level folder, with no manifest.json at the root.
        private string? FindWrapperFolder(WidgetFile[] files)
        {
            if (files.Length == 0 || _files.ContainsKey("manifest.json")) return null;
            string? first = null;
            foreach (var f in files)
            {
                int slash = f.Path.IndexOf('/');
                if (slash < 0) return null;
                if (first is null) first = f.Path[..slash];
                else if (slash != first.Length || !f.Path.StartsWith(first, StringComparison.Ordinal)) return null;
            }
            return first is not null && _files.ContainsKey(first + "/manifest.json") ? first : null;
        }
    }
}
