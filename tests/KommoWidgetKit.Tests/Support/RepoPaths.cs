namespace KommoWidgetKit.Tests.Support;

/// <summary>Finds the repository root (the folder with KommoWidgetKit.slnx) and the shared corpus beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> _root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("KommoWidgetKit.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => _root.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shared real-world corpus (../shared/corpus), or null when it is not beside the checkout.</summary>
    public static string? Corpus
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("KOMMO_WIDGET_CORPUS");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(p) ? p : null;
        }
    }

    /// <summary>Whether golden files should be rewritten instead of compared.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
}
