using System.Globalization;

namespace KommoWidgetKit.Packaging;

/// <summary>What <see cref="WidgetPacker"/> ships and how it stamps the archive.</summary>
public sealed record PackOptions
{
    /// <summary>Leave out development files (<see cref="PackDefaults.Exclusions"/>); a <c>!</c> line in
    /// <c>.kommoignore</c> can bring one back.</summary>
    public bool DefaultExclusions { get; init; } = true;

    /// <summary>Read <c>.kommoignore</c> (gitignore syntax) at the widget root.</summary>
    public bool UseIgnoreFile { get; init; } = true;

    /// <summary>More gitignore-style patterns, applied after <c>.kommoignore</c>.</summary>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = [];

    /// <summary>Root-relative paths that are never shipped, whatever the patterns say (e.g. the output archive itself).</summary>
    public IReadOnlyList<string> ExcludePaths { get; init; } = [];

    /// <summary>The time stamped on every entry; null means <c>SOURCE_DATE_EPOCH</c> when set (and
    /// <see cref="UseSourceDateEpoch"/>), else 1980-01-01 00:00:00. Clamped to the zip range 1980–2107.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Read the <c>SOURCE_DATE_EPOCH</c> environment variable when <see cref="Timestamp"/> is null.</summary>
    public bool UseSourceDateEpoch { get; init; } = true;

    /// <summary>Most files compressed at once; the output does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Where to keep the compressed entries between runs (<see cref="Caching.WidgetCache"/>), so that only changed
    /// files are compressed again; null (the default) compresses every file.</summary>
    public Caching.WidgetCache? Cache { get; init; }

    /// <summary>The default options.</summary>
    public static PackOptions Default { get; } = new();

    /// <summary>The earliest time a zip entry can carry.</summary>
    public static readonly DateTime ZipEpoch = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The latest time a zip entry can carry (DOS dates end in 2107, with 2-second steps).</summary>
    public static readonly DateTime ZipEnd = new(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);

    /// <summary>The UTC time that will be written into every entry, rounded down to 2 seconds.</summary>
    /// <exception cref="PackException"><c>SOURCE_DATE_EPOCH</c> is set but is not a whole number.</exception>
    public DateTime ResolveTimestamp()
    {
        DateTime t;
        if (Timestamp is { } fixedTime)
        {
            t = fixedTime.UtcDateTime;
        }
        else if (UseSourceDateEpoch && Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } raw)
        {
            if (!long.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
                throw new PackException($"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '{raw}'");
            long min = (long)(ZipEpoch - DateTime.UnixEpoch).TotalSeconds, max = (long)(ZipEnd - DateTime.UnixEpoch).TotalSeconds;
            t = DateTime.UnixEpoch.AddSeconds(Math.Clamp(seconds, min, max));
        }
        else
        {
            t = ZipEpoch;
        }
        if (t < ZipEpoch) t = ZipEpoch;
        if (t > ZipEnd) t = ZipEnd;
        return new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second - t.Second % 2, DateTimeKind.Utc);
    }
}

/// <summary>Packing cannot go ahead (bad input for pack, a version that cannot be bumped …); the message is for users.</summary>
public sealed class PackException(string message) : Exception(message);

/// <summary>The files pack leaves out by default, with why; all in gitignore syntax.</summary>
public static class PackDefaults
{
    /// <summary>Default exclusions: development files that Kommo never loads. Reasons are shown by <c>pack --dry-run</c>
    /// and <c>info</c>. README and CHANGELOG at the root are left out because Kommo never shows them and the public
    /// checklist asks to remove unused files; LICENSE files stay because bundled code may require its notice.</summary>
    public static readonly IReadOnlyList<(string Pattern, string Reason)> Exclusions =
    [
        (".git*", "version-control file"),
        (".editorconfig", "editor settings"),
        (".eslintrc*", "linter settings"),
        (".eslintignore", "linter settings"),
        (".prettierrc*", "formatter settings"),
        (".prettierignore", "formatter settings"),
        (".stylelintrc*", "linter settings"),
        (".browserslistrc", "build settings"),
        (".nvmrc", "build settings"),
        (".npmrc", "build settings"),
        (".env", "environment file (may hold secrets)"),
        (".env.*", "environment file (may hold secrets)"),
        ("package.json", "npm manifest"),
        ("package-lock.json", "npm lock file"),
        ("npm-shrinkwrap.json", "npm lock file"),
        ("yarn.lock", "yarn lock file"),
        ("pnpm-lock.yaml", "pnpm lock file"),
        ("/tsconfig*.json", "TypeScript settings"),
        ("/webpack.config.*", "build settings"),
        ("/vite.config.*", "build settings"),
        ("/rollup.config.*", "build settings"),
        ("/babel.config.*", "build settings"),
        ("/jest.config.*", "test settings"),
        ("*.map", "source map (not loaded by Kommo; exposes sources)"),
        ("*.ts", "TypeScript source (Kommo loads JavaScript only)"),
        ("*.tsx", "TypeScript source (Kommo loads JavaScript only)"),
        ("/README*", "read-me (not shown by Kommo)"),
        ("/CHANGELOG*", "change log (not shown by Kommo)"),
        ("/test/", "tests"),
        ("/tests/", "tests"),
        ("__tests__/", "tests"),
        ("*.test.js", "tests"),
        ("*.spec.js", "tests"),
    ];

    /// <summary>The ignore file read at the widget root.</summary>
    public const string IgnoreFileName = ".kommoignore";
}
