namespace KommoWidgetKit.Fixing;

/// <summary>How sure a repair is to keep what the author meant.</summary>
public enum FixSafety
{
    /// <summary>Mechanical: the widget means the same afterwards, only in the form Kommo wants. Applied by default.</summary>
    Safe,
    /// <summary>A likely repair that guesses intent (a close match, a placeholder, a removal). Applied only when asked.</summary>
    Unsafe,
}

/// <summary>One replacement in a file: <see cref="Length"/> bytes at byte offset <see cref="Start"/> become
/// <see cref="NewText"/> (UTF-8). A zero length inserts; an empty text deletes.</summary>
public readonly record struct TextEdit(int Start, int Length, string NewText)
{
    /// <summary>The first byte after the replaced range.</summary>
    public int End => Start + Length;
}

/// <summary>What a fix does to one file: edits of its current bytes, or (with <see cref="NewContent"/>) a new file.</summary>
/// <param name="Path">Path relative to the widget root, forward slashes.</param>
/// <param name="Edits">Edits of the file's bytes as loaded; empty for a new file.</param>
/// <param name="NewContent">The whole text of a file the fix creates; null when it edits an existing one.</param>
public sealed record FileChange(string Path, IReadOnlyList<TextEdit> Edits, string? NewContent = null)
{
    /// <summary>True when the change creates a file that does not exist yet.</summary>
    public bool CreatesFile => NewContent is not null;

    /// <summary>Edits of an existing file.</summary>
    public static FileChange Edit(string path, params TextEdit[] edits) => new(path, edits);

    /// <summary>A file to create.</summary>
    public static FileChange Create(string path, string content) => new(path, [], content);
}

/// <summary>A repair a rule offers with its finding: a title for people and the changes, computed only when asked for.</summary>
/// <remarks>Changes are given against the files as loaded for the validation that reported the finding; the fix engine
/// (<see cref="WidgetFixer"/>) applies them, and the language server offers them as code actions.</remarks>
public sealed class Fix
{
    private readonly Lazy<IReadOnlyList<FileChange>> _changes;

    /// <summary>A fix whose changes are computed by <paramref name="changes"/> on first use.</summary>
    public Fix(string title, FixSafety safety, Func<IReadOnlyList<FileChange>> changes)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(changes);
        Title = title;
        Safety = safety;
        _changes = new Lazy<IReadOnlyList<FileChange>>(changes, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A fix of one file.</summary>
    public static Fix Safe(string title, Func<FileChange> change) => new(title, FixSafety.Safe, () => [change()]);

    /// <summary>An unsafe fix of one file.</summary>
    public static Fix Unsafe(string title, Func<FileChange> change) => new(title, FixSafety.Unsafe, () => [change()]);

    /// <summary>What the fix does, imperative and short: "Remove the trailing comma".</summary>
    public string Title { get; }

    /// <summary>Whether the fix is applied by default.</summary>
    public FixSafety Safety { get; }

    /// <summary>The changes, per file.</summary>
    public IReadOnlyList<FileChange> Changes => _changes.Value;

    /// <inheritdoc />
    public override string ToString() => Title;
}
