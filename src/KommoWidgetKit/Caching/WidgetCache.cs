using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace KommoWidgetKit.Caching;

/// <summary>A folder of results kommo-widget can compute again: the findings of a widget as last validated and the
/// compressed entries of its last pack, so that running <c>validate</c> or <c>pack</c> again over unchanged files
/// parses and compresses nothing.</summary>
/// <remarks>
/// <para>Every record is keyed by what it was computed from: the exact bytes of every file, the options, and the build of
/// the tool itself (the executable's or library's size and modification time), so a hit gives what a fresh run would.
/// A record is one file per widget location and kind, replaced on each store, so the folder grows with the number of
/// widgets, not of runs; records not stored for <see cref="MaxAge"/> are removed now and then.</para>
/// <para>The cache is an optimisation only: a folder that cannot be created or written, a damaged, truncated or foreign
/// record, or a record from another build is a miss and never an error. Writes go to a temporary file renamed into
/// place, so concurrent runs see a whole record or none. Each record ends with its own checksum.</para>
/// <para>Where: <see cref="DirectoryVariable"/> when set; else <c>$XDG_CACHE_HOME/kommo-widget</c> or
/// <c>~/.cache/kommo-widget</c> (Linux and other Unix), <c>~/Library/Caches/kommo-widget</c> (macOS),
/// <c>%LOCALAPPDATA%\kommo-widget\cache</c> (Windows). <see cref="DisableVariable"/> set to anything but <c>0</c>, or the
/// CLI's <c>--no-cache</c>, turns it off.</para>
/// </remarks>
public sealed class WidgetCache
{
    /// <summary>Environment variable naming the cache folder.</summary>
    public const string DirectoryVariable = "KOMMO_WIDGET_CACHE_DIR";

    /// <summary>Environment variable that turns the cache off (any value but empty or <c>0</c>).</summary>
    public const string DisableVariable = "KOMMO_WIDGET_NO_CACHE";

    /// <summary>Records not stored again for this long are removed when the folder is next pruned.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    private static ReadOnlySpan<byte> Magic => "KWC1"u8;
    private const long MaxRecordSize = 512L * 1024 * 1024;
    private const int TrailerLength = 8;

    /// <summary>A cache in <paramref name="directory"/> (created when first written).</summary>
    public WidgetCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The cache the environment asks for, or null when it is turned off or there is no home folder to keep it in.</summary>
    public static WidgetCache? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary><see cref="FromEnvironment()"/> with the variables read through <paramref name="variable"/>.</summary>
    internal static WidgetCache? FromEnvironment(Func<string, string?> variable)
    {
        string? off = variable(DisableVariable);
        if (!string.IsNullOrEmpty(off) && off != "0") return null;
        return DefaultDirectory(variable) is { } dir ? new WidgetCache(dir) : null;
    }

    // The folder FromEnvironment uses, or null when none can be named.
    private static string? DefaultDirectory(Func<string, string?> variable)
    {
        string? set = variable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(set)) return set;
        if (OperatingSystem.IsWindows())
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Combine(local, "kommo-widget", "cache");
        }
        string? home = variable("HOME");
        if (OperatingSystem.IsMacOS())
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "Library", "Caches", "kommo-widget");
        string? xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "kommo-widget");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "kommo-widget");
    }

    /// <summary>What identifies this build of the rules and the packer: the tool's own file (the native executable, or
    /// the library in a .NET process), its length and modification time.</summary>
    public static string ToolIdentity => s_toolIdentity ??= ComputeToolIdentity();
    private static string? s_toolIdentity;

    private static string ComputeToolIdentity()
    {
        // In a .NET process the rules are in this library's file beside the app; a Native AOT build has no assembly
        // files, and its executable is the whole tool.
        string? path = Path.Combine(AppContext.BaseDirectory, "KommoWidgetKit.dll");
        if (!File.Exists(path)) path = Environment.ProcessPath;
        var sb = new StringBuilder(BuildVersion.Informational);
        try
        {
            if (!string.IsNullOrEmpty(path))
            {
                var info = new FileInfo(path);
                sb.Append('|').Append(info.FullName).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without the file's identity the version alone still separates releases.
        }
        return sb.ToString();
    }

    /// <summary>Where a widget was loaded from, as records are filed: the full path of its folder or archive.</summary>
    internal static string Location(Model.Widget widget)
    {
        if (widget.SourceKind == Model.WidgetSourceKind.Memory) return "memory:" + widget.Source;
        try
        {
            return Path.GetFullPath(widget.Source);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return widget.Source;
        }
    }

    /// <summary>The slot of a record: a hash of its kind and of what it is about (the widget's location and options).</summary>
    internal static UInt128 Slot(params ReadOnlySpan<string> parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts) AppendText(hash, part);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Appends <paramref name="text"/> to a key with its length first, so that no two sequences of texts hash the
    /// same bytes; null is a text of its own.</summary>
    internal static void AppendText(XxHash128 hash, string? text)
    {
        text ??= "\0";
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.Append(length);
        hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private string RecordPath(string kind, UInt128 slot) => Path.Combine(Directory, kind, slot.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The payload last stored in <paramref name="kind"/>/<paramref name="slot"/>, or null (none, or not whole).</summary>
    internal ArraySegment<byte>? Read(string kind, UInt128 slot)
    {
        byte[] data;
        try
        {
            string path = RecordPath(kind, slot);
            // No record is larger than the widgets the loader accepts; a larger file is not ours, and is not read.
            if (new FileInfo(path) is not { Exists: true, Length: <= MaxRecordSize }) return null;
            data = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
        if (data.Length < Magic.Length + TrailerLength || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var payload = data.AsSpan(Magic.Length, data.Length - Magic.Length - TrailerLength);
        if (XxHash3.HashToUInt64(payload) != BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(data.Length - TrailerLength))) return null;
        return new ArraySegment<byte>(data, Magic.Length, payload.Length);
    }

    /// <summary>Stores <paramref name="payload"/> in <paramref name="kind"/>/<paramref name="slot"/>; false when it could
    /// not be written (the cache then simply misses next time).</summary>
    internal bool Write(string kind, UInt128 slot, ReadOnlySpan<byte> payload)
    {
        string path = RecordPath(kind, slot);
        string folder = Path.GetDirectoryName(path)!;
        string temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
            {
                stream.Write(Magic);
                stream.Write(payload);
                Span<byte> trailer = stackalloc byte[TrailerLength];
                BinaryPrimitives.WriteUInt64LittleEndian(trailer, XxHash3.HashToUInt64(payload));
                stream.Write(trailer);
            }
            File.Move(temp, path, overwrite: true);
            // Now and then (about one store in 32), drop the records of this kind that nobody stored for a month.
            if ((ulong)(slot & 31) == 0) Prune(folder);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    private static void Prune(string folder)
    {
        var cutoff = DateTime.UtcNow - MaxAge;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            try
            {
                if (file.LastWriteTimeUtc < cutoff) file.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run may be using or removing it.
            }
        }
    }
}
