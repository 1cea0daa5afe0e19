namespace KommoWidgetKit.DevHost.Tests;

/// <summary>Copies a fixture widget from tests/fixtures/devhost into a fresh temp folder (with the shared logos).</summary>
internal sealed class TempWidget : IDisposable
{
    private TempWidget(string root, string path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The temp folder that holds the copy (deleted on dispose).</summary>
    public string Root { get; }

    /// <summary>The widget folder.</summary>
    public string Path { get; }

    public static string FixturesRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "devhost")))
            {
                dir = dir.Parent;
            }
            return dir is null
                ? throw new DirectoryNotFoundException("tests/fixtures/devhost not found above " + AppContext.BaseDirectory)
                : System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "devhost");
        }
    }

    /// <summary>Copies fixture <paramref name="name"/>; the folder is named <paramref name="code"/> (the widget code).</summary>
    public static TempWidget Copy(string name, string? code = null)
    {
        var root = Directory.CreateTempSubdirectory("kommo-devhost-").FullName;
        var target = System.IO.Path.Combine(root, code ?? name);
        CopyDirectory(System.IO.Path.Combine(FixturesRoot, name), target);
        var images = System.IO.Path.Combine(target, "images");
        Directory.CreateDirectory(images);
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(FixturesRoot, "_images")))
        {
            var to = System.IO.Path.Combine(images, System.IO.Path.GetFileName(file));
            if (!File.Exists(to))
            {
                File.Copy(file, to);
            }
        }
        return new TempWidget(root, target);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the host at shutdown: the temp folder is cleaned by the OS later.
        }
    }
}
