namespace KommoWidgetKit.Loading;

/// <summary>Files and folders that never belong in a widget archive.</summary>
public static class JunkRules
{
    // One list for the set and the check: the check reads the array alone, so the loader never builds the set.
    private static class Names
    {
        public static readonly string[] Skipped = [".git", ".svn", ".hg", "node_modules", "__MACOSX", ".kommo", ".idea", ".vscode", ".vs"];
    }

    /// <summary>Folder names whose content is never loaded (only their presence is recorded).</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(Names.Skipped, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is one of <see cref="SkippedFolders"/> (without building the set: the
    /// loader asks for every file).</summary>
    public static bool IsSkippedFolder(ReadOnlySpan<char> name)
    {
        foreach (string skipped in Names.Skipped)
            if (name.SequenceEqual(skipped)) return true;
        return false;
    }

    /// <summary>The length of the leading part of <paramref name="path"/> (a forward-slash path) up to and including the
    /// first folder segment that is skipped, or 0 when no folder of the path is; the last segment (the file's own name) is
    /// not a folder.</summary>
    public static int SkippedFolderPrefix(string path)
    {
        int start = 0;
        while (true)
        {
            int slash = path.IndexOf('/', start);
            if (slash < 0) return 0;
            if (IsSkippedFolder(path.AsSpan(start, slash - start))) return slash;
            start = slash + 1;
        }
    }

    /// <summary>Why a path is junk, or null when it is not.</summary>
    public static string? Classify(string path)
    {
        var segments = path.Split('/');
        foreach (var segment in segments[..^1])
        {
            if (IsSkippedFolder(segment)) return DescribeFolder(segment);
        }
        string name = segments[^1];
        if (IsSkippedFolder(name)) return DescribeFolder(name);
        return name switch
        {
            ".DS_Store" => "macOS folder metadata",
            "Thumbs.db" or "desktop.ini" => "Windows folder metadata",
            _ when name.StartsWith("._", StringComparison.Ordinal) => "macOS resource fork",
            _ when name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) => "an archive inside the widget",
            _ when name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".bak", StringComparison.OrdinalIgnoreCase) => "an editor backup file",
            _ => null,
        };
    }

    private static string DescribeFolder(string name) => name switch
    {
        "__MACOSX" => "macOS archive metadata",
        ".git" or ".svn" or ".hg" => "version-control data",
        "node_modules" => "npm dependencies",
        ".kommo" => "dev host state",
        _ => "editor settings",
    };
}
