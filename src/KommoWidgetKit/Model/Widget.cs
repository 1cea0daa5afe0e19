namespace KommoWidgetKit.Model;

/// <summary>A loaded widget: its files, what went wrong while loading, and each file parsed once on first use.</summary>
/// <remarks>Immutable and safe to share between threads; parsed views are computed lazily and cached.</remarks>
public sealed class Widget
{
    private readonly Dictionary<string, WidgetFile> _byPath;
    private readonly Lazy<ManifestDocument?> _manifest;
    private readonly Lazy<IReadOnlyList<I18nDocument>> _i18n;
    private readonly Lazy<IReadOnlyDictionary<string, ScriptDocument>> _scripts;
    private readonly Lazy<IReadOnlyDictionary<string, ImageInfo>> _images;
    private readonly Lazy<IReadOnlyList<TwigDocument>> _templates;
    private readonly Lazy<IReadOnlyDictionary<string, CssDocument>> _stylesheets;
    private readonly Lazy<IReadOnlyDictionary<string, Parsing.TextInfo>> _text;
    private readonly Lazy<IReadOnlyList<ScriptDocument>> _ownScripts;
    private readonly Lazy<ScriptCallbacks?> _callbacks;

    internal Widget(string source, WidgetSourceKind kind, IReadOnlyList<WidgetFile> files, IReadOnlyList<LoadIssue> issues, IReadOnlyList<string> skipped, string? wrapperFolder)
    {
        Source = source;
        SourceKind = kind;
        // Kept as arrays: the model's own loops (the cache key, the rules) go over them without an interface call each.
        _files = files as WidgetFile[] ?? [.. files];
        _loadIssues = issues as LoadIssue[] ?? [.. issues];
        _skippedFolders = skipped as string[] ?? [.. skipped];
        WrapperFolder = wrapperFolder;
        _byPath = new Dictionary<string, WidgetFile>(_files.Length, StringComparer.Ordinal);
        foreach (var f in _files)
            if (!_byPath.TryAdd(f.Path, f)) throw new ArgumentException($"two files with the path '{f.Path}'", nameof(files));
        _manifest = new(() => GetFile("manifest.json") is { } f ? new ManifestDocument(f) : null);
        // Plain loops rather than chained LINQ here and below: a Select after a Where resolves a generic virtual method at
        // run time in a Native AOT build, which costs more than the whole loop on the start-up path.
        _i18n = new(() =>
        {
            var list = new List<I18nDocument>();
            foreach (var f in _files)
                if (IsI18nFile(f)) list.Add(new I18nDocument(f));
            return list;
        });
        _scripts = new(() => _files.Where(f => f.Extension == ".js").ToDictionary(f => f.Path, f => new ScriptDocument(f), StringComparer.Ordinal));
        _images = new(() => _files.Where(f => ImageExtensions.Contains(f.Extension)).ToDictionary(f => f.Path, f => ImageInfo.Read(f.Content.Span), StringComparer.Ordinal));
        _templates = new(() =>
        {
            var list = new List<TwigDocument>();
            foreach (var f in _files)
                if (f.Extension == ".twig") list.Add(new TwigDocument(f));
            return list;
        });
        _stylesheets = new(() => _files.Where(f => f.Extension == ".css").ToDictionary(f => f.Path, f => CssDocument.Scan(f.Path, Parsing.TextAnalysis.Decode(f.Content.Span)), StringComparer.Ordinal));
        _ownScripts = new(() =>
        {
            var own = new List<ScriptDocument>();
            if (Script is { } main) own.Add(main);
            foreach (var file in _files)
                if (file.Extension == ".js" && file.Path != "script.js" && _scripts.Value[file.Path] is { IsVendored: false } doc) own.Add(doc);
            return own;
        });
        _callbacks = new(() =>
        {
            foreach (var doc in OwnScripts)
                if (doc.Callbacks is { } callbacks) return callbacks;
            return null;
        });
        _text = new(() => _files.Where(f => Parsing.TextAnalysis.IsTextPath(f.Path)).ToDictionary(f => f.Path, f => Parsing.TextAnalysis.Analyse(f.Content.Span), StringComparer.Ordinal));
    }

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" };

    /// <summary>The folder or archive path the widget was loaded from.</summary>
    public string Source { get; }

    /// <summary>Whether it came from a folder, a zip or memory.</summary>
    public WidgetSourceKind SourceKind { get; }

    private readonly WidgetFile[] _files;
    private readonly LoadIssue[] _loadIssues;
    private readonly string[] _skippedFolders;

    /// <summary>All files, sorted by path (ordinal).</summary>
    public IReadOnlyList<WidgetFile> Files => _files;

    /// <summary>Problems met while loading (unsafe entries, size caps, damaged archive).</summary>
    public IReadOnlyList<LoadIssue> LoadIssues => _loadIssues;

    /// <summary>Folders whose content was not loaded (<c>.git/</c>, <c>node_modules/</c>, <c>__MACOSX/</c> …), with a trailing slash.</summary>
    public IReadOnlyList<string> SkippedFolders => _skippedFolders;

    /// <summary><see cref="Files"/> as a span, for loops inside the library.</summary>
    internal ReadOnlySpan<WidgetFile> FileSpan => _files;

    /// <summary><see cref="LoadIssues"/> as a span.</summary>
    internal ReadOnlySpan<LoadIssue> LoadIssueSpan => _loadIssues;

    /// <summary><see cref="SkippedFolders"/> as a span.</summary>
    internal ReadOnlySpan<string> SkippedFolderSpan => _skippedFolders;

    /// <summary>When every file sat inside one top-level folder with no root manifest.json, that folder's name; paths are relative to it.</summary>
    public string? WrapperFolder { get; }

    /// <summary>The same widget with some files replaced or added (a value) or removed (null), as an editor holds them
    /// before they are saved. Load issues and skipped folders stay those of this widget; paths that are not plain
    /// root-relative paths are ignored.</summary>
    public Widget WithFiles(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>?>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var files = new Dictionary<string, WidgetFile>(_byPath, StringComparer.Ordinal);
        bool changed = false;
        foreach (var (path, content) in changes)
        {
            string? normal = Loading.WidgetLoader.NormalizeEntryName(path, out _);
            if (string.IsNullOrEmpty(normal)) continue;
            if (content is { } bytes) files[normal] = new WidgetFile(normal, bytes, files.GetValueOrDefault(normal)?.LastWrite);
            else if (!files.Remove(normal)) continue;
            changed = true;
        }
        if (!changed) return this;
        var list = files.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new Widget(Source, SourceKind, list, LoadIssues, SkippedFolders, WrapperFolder);
    }

    /// <summary>The file at a root-relative path, or null.</summary>
    public WidgetFile? GetFile(string path) => _byPath.GetValueOrDefault(path.TrimStart('/'));

    /// <summary>Whether a file exists at a root-relative path.</summary>
    public bool HasFile(string path) => _byPath.ContainsKey(path.TrimStart('/'));

    /// <summary>manifest.json parsed, or null when there is none at the root.</summary>
    public ManifestDocument? Manifest => _manifest.Value;

    /// <summary>Every <c>i18n/*.json</c> file parsed, in path order.</summary>
    public IReadOnlyList<I18nDocument> I18n => _i18n.Value;

    /// <summary>The i18n file of a locale, or null.</summary>
    public I18nDocument? GetI18n(string locale) => I18n.FirstOrDefault(d => d.Locale == locale);

    /// <summary>script.js parsed, or null when there is none.</summary>
    public ScriptDocument? Script => _scripts.Value.GetValueOrDefault("script.js");

    /// <summary>Every .js file parsed, by path.</summary>
    public IReadOnlyDictionary<string, ScriptDocument> Scripts => _scripts.Value;

    /// <summary>The widget's own scripts: script.js first, then the other .js files by path, vendored libraries
    /// (<see cref="ScriptDocument.IsVendored"/>) left out. Nothing is parsed to tell them apart.</summary>
    public IReadOnlyList<ScriptDocument> OwnScripts => _ownScripts.Value;

    /// <summary>The widget's callbacks object: as script.js sets it, else as the first own module that sets one; null
    /// when none does.</summary>
    public ScriptCallbacks? Callbacks => _callbacks.Value;

    /// <summary>Header facts of every image file, by path.</summary>
    public IReadOnlyDictionary<string, ImageInfo> Images => _images.Value;

    /// <summary>Every .twig template checked.</summary>
    public IReadOnlyList<TwigDocument> Templates => _templates.Value;

    /// <summary>Every .css file read, by path.</summary>
    public IReadOnlyDictionary<string, CssDocument> Stylesheets => _stylesheets.Value;

    /// <summary>Encoding and line-ending facts of every text file, by path.</summary>
    public IReadOnlyDictionary<string, Parsing.TextInfo> TextFiles => _text.Value;

    /// <summary>The widget code: legacy <c>widget.code</c> when present, else null (the host then uses a name of its choice).</summary>
    public string? Code => Manifest?.Code;

    private static bool IsI18nFile(WidgetFile f) =>
        f.Path.StartsWith("i18n/", StringComparison.Ordinal) && f.Path.IndexOf('/', 5) < 0 && f.Extension == ".json";
}
