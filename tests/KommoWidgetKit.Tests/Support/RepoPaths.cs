namespace KommoWidgetKit.Tests.Support;

/// <summary>Finds the repository root (the folder with KommoWidgetKit.slnx) and the shared corpus beside it.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding KommoWidgetKit.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shared corpus: <c>KOMMO_WIDGET_CORPUS</c>, else <c>../shared/corpus</c> beside the repository, else the
    /// nearest ancestor's <c>shared/corpus</c> (a git worktree sits deeper than the main checkout); null when absent.</summary>
    public static string? Corpus { get; } = FindCorpus();

    /// <summary>Whether golden files should be rewritten instead of compared.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) return dir.FullName;
        throw new InvalidOperationException("KommoWidgetKit.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string? FindCorpus()
    {
        var env = Environment.GetEnvironmentVariable("KOMMO_WIDGET_CORPUS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
