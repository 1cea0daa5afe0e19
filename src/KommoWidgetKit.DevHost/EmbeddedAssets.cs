using System.Collections.Frozen;
using System.Reflection;

namespace KommoWidgetKit.DevHost;

/// <summary>The host's own files (runtime, shell, system templates) and the npm vendor files, embedded in the assembly.</summary>
internal static class EmbeddedAssets
{
    private static readonly Assembly Self = typeof(EmbeddedAssets).Assembly;

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    public static bool TryGet(string name, out byte[] content) => Files.TryGetValue(name, out content!);

    public static string Text(string name) => System.Text.Encoding.UTF8.GetString(Files[name]);

    /// <summary>System control templates keyed by their public path (<c>/tmpl/controls/button.twig</c>).</summary>
    public static Dictionary<string, string> SystemTemplates()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in Files)
        {
            if (name.StartsWith("assets/tmpl/", StringComparison.Ordinal))
            {
                result["/" + name["assets/".Length..]] = System.Text.Encoding.UTF8.GetString(content);
            }
        }
        return result;
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Self.GetManifestResourceNames())
        {
            using var stream = Self.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name.Replace('\\', '/')] = buffer.ToArray();
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
