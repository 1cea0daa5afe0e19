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

    /// <summary>Why a corpus test did not run, and how to make it run.</summary>
    public const string CorpusMissing =
        "the real-world corpus was not found: set KOMMO_WIDGET_CORPUS=/path/to/corpus, or put shared/ (with shared/corpus) beside the checkout";

    /// <summary>The name a corpus theory gets as its only row when the corpus is absent, so that it reports one skip.</summary>
    public const string NoCorpusRow = "(no corpus)";

    /// <summary>Whether this is a CI run (<c>CI=true</c>), where a missing corpus is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The corpus folder for a test that needs it: skips the test (<c>[SkippableFact]</c>/<c>[SkippableTheory]</c>)
    /// when the corpus is absent, or fails it when <c>CI=true</c>.</summary>
    public static string RequireCorpus()
    {
        if (Corpus is not null) return Corpus;
        if (IsCi) Assert.Fail(CorpusMissing + " (CI=true: corpus tests must run in CI)");
        throw new SkipException(CorpusMissing);
    }

    /// <summary>Theory rows, one per corpus widget folder picked by <paramref name="include"/>, in ordinal order; when the corpus
    /// is absent, the single row <see cref="NoCorpusRow"/> (its test calls <see cref="RequireCorpus"/> and skips or fails).</summary>
    public static TheoryData<string> CorpusWidgets(Func<string, bool>? include = null)
    {
        var data = new TheoryData<string>();
        if (Corpus is null)
        {
            data.Add(NoCorpusRow);
            return data;
        }
        foreach (var dir in Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal))
            if (Directory.Exists(Path.Combine(dir, "widget")) && (include?.Invoke(Path.GetFileName(dir)) ?? true)) data.Add(Path.GetFileName(dir));
        return data;
    }

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
