namespace KommoWidgetKit.Tests.Support;

/// <summary>Locates the repository root and the shared real-world corpus from the test binaries.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding KommoWidgetKit.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared corpus: <c>../shared/corpus</c> beside the repository, or the nearest ancestor's <c>shared/corpus</c>
    /// (a git worktree under <c>wt/</c> sits one level deeper than the main checkout).</summary>
    public static string? Corpus { get; } = FindCorpus();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) return dir.FullName;
        throw new InvalidOperationException("KommoWidgetKit.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
