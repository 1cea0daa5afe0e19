namespace KommoWidgetKit.Building;

/// <summary>A widget source project: code in <c>src/</c> (TypeScript or modern JavaScript, bundled by <c>kommo-widget
/// build</c>), the widget's static files in <c>widget/</c>, the built widget in <c>dist/</c>.</summary>
/// <remarks>
/// <para>Layout (what <c>kommo-widget new --template ts</c> writes):</para>
/// <code>
/// package.json, tsconfig.json    esbuild and typescript as devDependencies; tsc settings
/// src/index.ts                   the entry: its default export is the widget constructor
/// types/kommo.d.ts               declarations of the host API (self, APP/AMOCRM, the AMD modules Kommo provides)
/// widget/                        copied as they are: manifest.json, i18n/, images/, templates/, style.css, kommo-widget.json
/// dist/                          the build output: script.js (AMD), script.js.map, and the copies of widget/
/// </code>
/// <para>A folder is a source project when it has no <c>manifest.json</c> of its own but <c>widget/manifest.json</c>
/// and a <c>src/</c> folder. Every command that takes a widget treats the project as its built <c>dist/</c>.</para>
/// </remarks>
public sealed record WidgetProject
{
    /// <summary>The folder of the widget's static files, copied into the output as they are.</summary>
    public const string StaticFolder = "widget";

    /// <summary>The folder of the code that is bundled into <c>script.js</c>.</summary>
    public const string SourceFolder = "src";

    /// <summary>The default output folder.</summary>
    public const string OutputFolder = "dist";

    /// <summary>Entry files looked up in <see cref="SourceFolder"/>, in this order.</summary>
    public static readonly IReadOnlyList<string> EntryNames = ["index.ts", "index.tsx", "index.js", "index.jsx", "index.mts", "index.mjs"];

    /// <summary>The project folder (full path).</summary>
    public required string Root { get; init; }

    /// <summary>The output folder (full path); <c>dist/</c> under <see cref="Root"/> unless chosen otherwise.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The folder of the static files (full path).</summary>
    public string StaticDirectory => Path.Combine(Root, StaticFolder);

    /// <summary>The source folder (full path).</summary>
    public string SourceDirectory => Path.Combine(Root, SourceFolder);

    /// <summary>The entry file (full path), or null when <c>src/</c> has none of <see cref="EntryNames"/>.</summary>
    public string? Entry => EntryNames.Select(n => Path.Combine(SourceDirectory, n)).FirstOrDefault(File.Exists);

    /// <summary>A path under <see cref="Root"/> as the project names it: forward slashes, relative when inside.</summary>
    public string Relative(string fullPath)
    {
        string rel = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }

    /// <summary>The output folder as the project names it (<c>dist</c>), or its full path when outside the project.</summary>
    public string OutputDisplay
    {
        get
        {
            string rel = Relative(OutputDirectory);
            return rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ? OutputDirectory : rel;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a source project folder (see the remarks of <see cref="WidgetProject"/>).</summary>
    public static bool IsProject(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path)) return false;
        return !File.Exists(Path.Combine(path, "manifest.json"))
            && File.Exists(Path.Combine(path, StaticFolder, "manifest.json"))
            && Directory.Exists(Path.Combine(path, SourceFolder));
    }

    /// <summary>The source project at <paramref name="path"/>, or null when it is not one (a widget folder, a zip …).</summary>
    /// <param name="path">The project folder.</param>
    /// <param name="outputDirectory">The output folder, relative to the current folder; null for <c>dist/</c> in the project.</param>
    public static WidgetProject? Find(string path, string? outputDirectory = null)
    {
        if (!IsProject(path)) return null;
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return new WidgetProject
        {
            Root = root,
            OutputDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrWhiteSpace(outputDirectory) ? Path.Combine(root, OutputFolder) : outputDirectory)),
        };
    }

    /// <summary>The newest write time of the files the build reads (<c>src/</c>, <c>widget/</c>, <c>types/</c>,
    /// package.json, tsconfig.json), or null when there are none.</summary>
    public DateTime? NewestInput()
    {
        DateTime? newest = null;
        void Consider(DateTime t)
        {
            if (newest is null || t > newest) newest = t;
        }
        foreach (var dir in new[] { SourceDirectory, StaticDirectory, Path.Combine(Root, "types") })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) Consider(File.GetLastWriteTimeUtc(file));
        }
        foreach (var name in new[] { "package.json", "tsconfig.json" })
        {
            string file = Path.Combine(Root, name);
            if (File.Exists(file)) Consider(File.GetLastWriteTimeUtc(file));
        }
        return newest;
    }
}
