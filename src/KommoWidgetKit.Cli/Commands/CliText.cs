using System.Globalization;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>How every command writes counts, sizes and file lists, so <c>pack</c> and <c>info</c> read alike.</summary>
public static class CliText
{
    /// <summary>"1 file", "1,234 files".</summary>
    public static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>"1 unsafe fix", "2 unsafe fixes".</summary>
    public static string Count(int n, string noun, string plural) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : plural);

    /// <summary>"1,234 bytes" (or "1,234" without the unit).</summary>
    public static string Bytes(long n, bool unit = true) => n.ToString("N0", CultureInfo.InvariantCulture) + (unit ? " bytes" : "");

    /// <summary>One line a file: the size right-aligned, then the path.</summary>
    public static void WriteFiles(TextWriter o, IEnumerable<(string Path, long Size)> files)
    {
        var list = files.ToList();
        int width = list.Count == 0 ? 1 : list.Max(f => Bytes(f.Size, unit: false).Length);
        foreach (var (path, size) in list)
            o.WriteLine($"  {Bytes(size, unit: false).PadLeft(width)}  {path}");
    }

    /// <summary><c>left out (N):</c> and one line a file with the reason; nothing when no file is left out.</summary>
    public static void WriteExcluded(TextWriter o, IReadOnlyList<ExcludedFile> excluded)
    {
        if (excluded.Count == 0) return;
        o.WriteLine($"left out ({excluded.Count}):");
        foreach (var e in excluded) o.WriteLine($"  {e.Path}  ({e.Reason})");
    }
}
