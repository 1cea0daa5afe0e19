namespace KommoWidgetKit.Loading;

/// <summary>Files and folders that never belong in a widget archive.</summary>
public static class JunkRules
{
    /// <summary>Folder names whose content is never loaded (only their presence is recorded).</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".svn", ".hg", "node_modules", "__MACOSX", ".kommo", ".idea", ".vscode", ".vs",
    };

    /// <summary>Why a path is junk, or null when it is not.</summary>
    public static string? Classify(string path)
    {
        var segments = path.Split('/');
        foreach (var segment in segments[..^1])
        {
            if (SkippedFolders.Contains(segment)) return DescribeFolder(segment);
        }
        string name = segments[^1];
        if (SkippedFolders.Contains(name)) return DescribeFolder(name);
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
