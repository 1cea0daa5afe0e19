namespace KommoWidgetKit.Tests.Support;

/// <summary>Compares output with a file under a golden folder; <c>UPDATE_GOLDEN=1</c> rewrites the file instead.</summary>
public static class Golden
{
    /// <summary>The test project's source folder, found by walking up from the test binaries.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the golden file at <paramref name="relativePath"/> (from the test project folder).</summary>
    public static void Verify(string relativePath, string actual)
    {
        string path = Path.Combine(ProjectDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {relativePath} is missing; run the tests with UPDATE_GOLDEN=1 to write it");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.Tests.csproj"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the KommoWidgetKit.Tests project folder above " + AppContext.BaseDirectory);
    }
}
