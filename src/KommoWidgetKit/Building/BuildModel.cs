using System.Globalization;
using System.Text;

namespace KommoWidgetKit.Building;

/// <summary>How <see cref="WidgetBuilder.Build"/> builds.</summary>
public sealed record BuildOptions
{
    /// <summary>Also type-check with <c>tsc --noEmit</c> from the project's <c>node_modules</c>; type errors fail the build
    /// and nothing is written.</summary>
    public bool TypeCheck { get; init; }

    /// <summary>Module ids kept out of the bundle besides <see cref="WidgetBuilder.KommoModules"/> (they become AMD
    /// dependencies of <c>script.js</c>; <c>*</c> is a wildcard, as in esbuild's <c>external</c>).</summary>
    public IReadOnlyList<string> Externals { get; init; } = [];

    /// <summary>The JavaScript version the bundle is written in (esbuild's <c>target</c>).</summary>
    public string Target { get; init; } = WidgetBuilder.DefaultTarget;

    /// <summary>The <c>node</c> executable; null = <c>$KOMMO_WIDGET_NODE</c>, else <c>node</c> on <c>PATH</c>.</summary>
    public string? NodePath { get; init; }

    /// <summary>How long esbuild or tsc may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);
}

/// <summary>How bad a build message is.</summary>
public enum BuildSeverity
{
    /// <summary>Something to look at; the build went on.</summary>
    Warning,

    /// <summary>The build failed.</summary>
    Error,
}

/// <summary>One message of a build: from esbuild, tsc, or the build itself (setup problems such as a missing esbuild).</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Text">The message.</param>
/// <param name="File">Project-relative path with forward slashes (<c>src/index.ts</c>), or null.</param>
/// <param name="Line">1-based line, 0 for none.</param>
/// <param name="Column">1-based column, 0 for none.</param>
/// <param name="LineText">The source line, for a caret under the column.</param>
/// <param name="Code">tsc's error code (<c>TS1005</c>), else null.</param>
public sealed record BuildMessage(BuildSeverity Severity, string Text, string? File = null, int Line = 0, int Column = 0, string? LineText = null, string? Code = null)
{
    /// <summary>Further lines that explain the message (esbuild's notes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary><c>src/index.ts:3:7: error: Expected ";" but found "y"</c>, or <c>… error TS1005: ';' expected.</c>.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        if (File is not null)
        {
            s.Append(File);
            if (Line > 0) s.Append(CultureInfo.InvariantCulture, $":{Line}");
            if (Line > 0 && Column > 0) s.Append(CultureInfo.InvariantCulture, $":{Column}");
            s.Append(": ");
        }
        s.Append(Severity == BuildSeverity.Error ? "error" : "warning");
        s.Append(Code is null ? ": " : " " + Code + ": ");
        s.Append(Text.Replace("\r\n", " ").Replace('\n', ' '));
        return s.ToString();
    }

    /// <summary>The source line with a caret under the column, indented (two lines), or null without a line text.</summary>
    public string? Excerpt()
    {
        if (LineText is null || Line <= 0) return null;
        string number = Line.ToString(CultureInfo.InvariantCulture);
        string text = LineText.Replace('\t', ' ');
        int caret = Math.Clamp(Column - 1, 0, text.Length);
        return $"  {number} | {text}\n  {new string(' ', number.Length)} | {new string(' ', caret)}^";
    }
}

/// <summary>What a build did.</summary>
public sealed record BuildResult
{
    /// <summary>True when the output was written (or was already up to date).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Errors and warnings, in the order they came.</summary>
    public required IReadOnlyList<BuildMessage> Messages { get; init; }

    /// <summary>True when the build could not run at all: Node.js or esbuild is missing (the message says what to run).</summary>
    public bool SetupProblem { get; init; }

    /// <summary>The output folder (full path).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Output-relative paths of every file the output holds after the build, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Output-relative paths written because they were new or changed.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>Output-relative paths removed because the build no longer makes them.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>The AMD dependencies of <c>script.js</c> (the modules Kommo provides that the code imports).</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Project-relative paths of the sources esbuild bundled (node_modules included).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The esbuild version that bundled, when it ran.</summary>
    public string? EsbuildVersion { get; init; }

    /// <summary>How long the build took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The errors.</summary>
    public IEnumerable<BuildMessage> Errors => Messages.Where(m => m.Severity == BuildSeverity.Error);
}
