using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Builds zip archives for loader tests, including hostile ones.</summary>
public sealed class ZipBuilder
{
    private readonly List<(string Name, byte[] Data, int? UnixMode)> _entries = [];

    public ZipBuilder Add(string name, string text) => Add(name, Encoding.UTF8.GetBytes(text));

    public ZipBuilder Add(string name, byte[] data, int? unixMode = null)
    {
        _entries.Add((name, data, unixMode));
        return this;
    }

    public ZipBuilder AddWidget(TestWidget widget, string prefix = "")
    {
        foreach (var (path, bytes) in widget.Files) Add(prefix + path, bytes);
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, mode) in _entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (mode is { } m) entry.ExternalAttributes = m << 16;
                using var s = entry.Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    /// <summary>Loads the archive as the loader would load a .zip file.</summary>
    public Widget Load(WidgetLoadOptions? options = null) => Load(Build(), options);

    /// <summary>Loads zip bytes as the loader would load a .zip file.</summary>
    public static Widget Load(byte[] zip, WidgetLoadOptions? options = null)
    {
        using var ms = new MemoryStream(zip);
        return WidgetLoader.LoadZip(ms, "test.zip", options);
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, Build());
        return path;
    }

    /// <summary>Sets the "encrypted" flag (general purpose bit 0) on every entry, in local and central headers.</summary>
    public static byte[] MarkEncrypted(byte[] zip)
    {
        var z = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= z.Length; i++)
        {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4) z[i + 6] |= 1;       // local header: flags at +6
            else if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) z[i + 8] |= 1;  // central header: flags at +8
        }
        return z;
    }

    /// <summary>Rewrites every central-directory uncompressed size to a small lie (a zip bomb's trick).</summary>
    public static byte[] LieAboutSizes(byte[] zip, uint claimed)
    {
        var z = (byte[])zip.Clone();
        for (int i = 0; i + 46 <= z.Length; i++)
        {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2)
                BitConverter.TryWriteBytes(z.AsSpan(i + 24, 4), claimed);
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4)
                BitConverter.TryWriteBytes(z.AsSpan(i + 22, 4), claimed);
        }
        return z;
    }
}
