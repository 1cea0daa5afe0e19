namespace KommoWidgetKit.Diagnostics;

/// <summary>A 1-based, end-inclusive-start/end-exclusive range in a widget file, with a JSON pointer for JSON files.</summary>
/// <remarks>Columns count UTF-16 code units, as editors and SARIF's default column kind do.</remarks>
public sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn, string? JsonPointer = null)
{
    /// <summary>A span that names only a file, for findings about the file as a whole.</summary>
    public static SourceSpan File(string path) => new(path, 0, 0, 0, 0);

    /// <summary>True when the span points into the file rather than at the file as a whole.</summary>
    public bool HasPosition => StartLine > 0;

    /// <summary>The same range with another JSON pointer.</summary>
    public SourceSpan WithPointer(string? pointer) => this with { JsonPointer = pointer };

    /// <inheritdoc />
    public override string ToString() => HasPosition ? $"{Path}:{StartLine}:{StartColumn}" : Path;
}
