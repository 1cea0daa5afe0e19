using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Fixing;

/// <summary>What to fix.</summary>
public sealed record FixOptions
{
    /// <summary>Also apply fixes marked <see cref="FixSafety.Unsafe"/>.</summary>
    public bool IncludeUnsafe { get; init; }

    /// <summary>Only fix findings of these rules (IDs or names); null or empty for every rule.</summary>
    public IReadOnlyCollection<string>? Rules { get; init; }

    /// <summary>How to validate (platform, profile, severities); the widget's kommo-widget.json applies as in validate.</summary>
    public ValidationOptions? Validation { get; init; }

    /// <summary>At most this many rounds of fix-and-revalidate.</summary>
    public int MaxPasses { get; init; } = 10;

    /// <summary>The defaults: safe fixes of every rule.</summary>
    public static FixOptions Default { get; } = new();
}

/// <summary>A fix that was applied, with the finding it repaired as it was reported.</summary>
/// <param name="Finding">The finding (rule, message, place) before the fix.</param>
/// <param name="Pass">The round it was applied in, from 1.</param>
public sealed record AppliedFix(Diagnostic Finding, int Pass)
{
    /// <summary>The fix's title.</summary>
    public string Title => Finding.Fix!.Title;

    /// <summary>The fix's safety.</summary>
    public FixSafety Safety => Finding.Fix!.Safety;

    /// <summary>The files the fix changed.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}

/// <summary>One file the fixes changed: its bytes before (null when created) and after.</summary>
public sealed record FileDelta(string Path, byte[]? Before, byte[] After)
{
    /// <summary>True when the fixes created the file.</summary>
    public bool Created => Before is null;
}

/// <summary>The outcome of computing fixes: what was applied, the files as they would be, and what is left.</summary>
public sealed class FixResult
{
    internal FixResult(Widget original, Widget fixedWidget, IReadOnlyList<AppliedFix> applied, IReadOnlyList<FileDelta> changes, ValidationResult before, ValidationResult after, IReadOnlyList<Diagnostic> notApplied)
    {
        Original = original;
        Fixed = fixedWidget;
        Applied = applied;
        Changes = changes;
        Before = before;
        After = after;
        NotApplied = notApplied;
    }

    /// <summary>The widget as loaded.</summary>
    public Widget Original { get; }

    /// <summary>The widget with the fixes applied (in memory; <see cref="WidgetFixer.Write"/> puts it on disk).</summary>
    public Widget Fixed { get; }

    /// <summary>The fixes applied, in order.</summary>
    public IReadOnlyList<AppliedFix> Applied { get; }

    /// <summary>The files changed or created, by path.</summary>
    public IReadOnlyList<FileDelta> Changes { get; }

    /// <summary>The findings before any fix.</summary>
    public ValidationResult Before { get; }

    /// <summary>The findings after the fixes.</summary>
    public ValidationResult After { get; }

    /// <summary>Findings left that have a fix which was not applied: unsafe ones without
    /// <see cref="FixOptions.IncludeUnsafe"/>, or rules left out by <see cref="FixOptions.Rules"/>.</summary>
    public IReadOnlyList<Diagnostic> NotApplied { get; }

    /// <summary>True when any file would change.</summary>
    public bool HasChanges => Changes.Count > 0;
}

/// <summary>Raised when fixes cannot be written; nothing was left half-written.</summary>
public sealed class FixException(string message) : Exception(message);

/// <summary>Applies the fixes rules offer with their findings: validate, apply the fixes that do not overlap, validate again,
/// until nothing more can be fixed. Everything happens in memory; <see cref="Write"/> then writes the changed files.</summary>
public static class WidgetFixer
{
    /// <summary>Computes the fixes for <paramref name="widget"/> without writing anything.</summary>
    public static FixResult Compute(Widget widget, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(widget);
        options ??= FixOptions.Default;
        var filter = RuleFilter(options.Rules);
        var validation = options.Validation ?? ValidationOptions.Default;

        var current = widget;
        var before = WidgetValidator.Validate(current, validation, cancellationToken);
        var result = before;
        var applied = new List<AppliedFix>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { StateKey(current) };
        for (int pass = 1; pass <= Math.Max(1, options.MaxPasses); pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chosen = new List<Diagnostic>();
            foreach (var d in result.Diagnostics)
                if (d.Fix is { } fix && (fix.Safety == FixSafety.Safe || options.IncludeUnsafe) && filter(d.Descriptor))
                    chosen.Add(d);
            if (chosen.Count == 0) break;
            var (next, done) = ApplyRound(current, chosen);
            if (done.Count == 0) break;
            // A round that leads back to a state seen before would go round for ever (two fixes undoing each other).
            if (!seen.Add(StateKey(next))) break;
            foreach (var (finding, paths) in done) applied.Add(new AppliedFix(finding, pass) { Paths = paths });
            current = next;
            result = WidgetValidator.Validate(current, validation, cancellationToken);
        }

        var notApplied = result.Diagnostics.Where(d => d.Fix is not null).ToList();
        return new FixResult(widget, current, applied, Deltas(widget, current), before, result, notApplied);
    }

    /// <summary>Applies a set of fixes to a widget in memory, as the language server does for one code action: fixes whose
    /// changes overlap a fix earlier in the list are left out.</summary>
    /// <returns>The widget with the changes, and the fixes applied with the files each changed.</returns>
    public static (Widget Widget, IReadOnlyList<(Diagnostic Finding, IReadOnlyList<string> Paths)> Applied) Apply(Widget widget, IEnumerable<Diagnostic> findings)
    {
        var (next, done) = ApplyRound(widget, findings.Where(d => d.Fix is not null).ToList());
        return (next, done);
    }

    private static (Widget Next, List<(Diagnostic, IReadOnlyList<string>)> Done) ApplyRound(Widget widget, List<Diagnostic> findings)
    {
        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = new List<(Diagnostic, IReadOnlyList<string>)>();
        foreach (var finding in findings)
        {
            IReadOnlyList<FileChange> changes;
            try
            {
                changes = finding.Fix!.Changes;
            }
            catch (InvalidOperationException)
            {
                continue; // the fix could not place its edit (the file changed shape); the next round validates again
            }
            if (changes.Count == 0 || !Fits(widget, changes, edits, created)) continue;
            var paths = new List<string>();
            foreach (var change in changes)
            {
                string path = Normalise(change.Path)!;
                paths.Add(path);
                if (change.CreatesFile) created[path] = change.NewContent!;
                else
                {
                    if (!edits.TryGetValue(path, out var list)) edits[path] = list = [];
                    if (list.Count == 0) list.AddRange(change.Edits.OrderBy(e => e.Start));
                    else foreach (var e in change.Edits) InsertSorted(list, e);
                }
            }
            done.Add((finding, paths));
        }
        if (done.Count == 0) return (widget, done);

        var files = new List<WidgetFile>(widget.Files.Count + created.Count);
        bool changed = false;
        foreach (var file in widget.Files)
        {
            if (edits.TryGetValue(file.Path, out var list))
            {
                var bytes = Splice(file.Content.Span, list);
                if (!file.Content.Span.SequenceEqual(bytes)) changed = true;
                files.Add(new WidgetFile(file.Path, bytes, file.LastWrite));
            }
            else files.Add(file);
        }
        foreach (var (path, content) in created)
        {
            files.Add(new WidgetFile(path, Encoding.UTF8.GetBytes(content)));
            changed = true;
        }
        if (!changed) return (widget, []);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return (new Widget(widget.Source, widget.SourceKind, files, widget.LoadIssues, widget.SkippedFolders, widget.WrapperFolder), done);
    }

    // A fix fits when every change is to a file of the widget (or a new file no other fix creates), inside the root, and
    // no edit overlaps or touches an edit already taken this round (two insertions at one place would have no order).
    private static bool Fits(Widget widget, IReadOnlyList<FileChange> changes, Dictionary<string, List<TextEdit>> edits, Dictionary<string, string> created)
    {
        foreach (var change in changes)
        {
            string? path = Normalise(change.Path);
            if (path is null) return false;
            if (change.CreatesFile)
            {
                if (widget.HasFile(path) || created.ContainsKey(path) || edits.ContainsKey(path)) return false;
                continue;
            }
            var file = widget.GetFile(path);
            if (file is null || created.ContainsKey(path)) return false;
            // Sorted by start, edits that do not overlap also end in order, so each needs checking only against its
            // neighbours: linear in the edits (a line-ending fix has one per CR), not quadratic.
            var mine = change.Edits.OrderBy(e => e.Start).ToList();
            for (int i = 0; i < mine.Count; i++)
            {
                var e = mine[i];
                if (e.Start < 0 || e.Length < 0 || e.End > file.Length) return false;
                if (i > 0 && Overlaps(mine[i - 1], e)) return false;
            }
            if (edits.TryGetValue(path, out var taken))
                foreach (var e in mine)
                    if (OverlapsTaken(taken, e)) return false;
        }
        return true;
    }

    // taken is sorted by start and free of overlaps: only the edit before e's start and those starting within e can touch it.
    private static bool OverlapsTaken(List<TextEdit> taken, TextEdit e)
    {
        int lo = 0, hi = taken.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (taken[mid].Start < e.Start) lo = mid + 1; else hi = mid;
        }
        if (lo > 0 && Overlaps(taken[lo - 1], e)) return true;
        for (int i = lo; i < taken.Count && taken[i].Start <= e.End; i++)
            if (Overlaps(taken[i], e)) return true;
        return false;
    }

    // Keeps the list sorted by start; an edit starting where others start goes after them (appends keep their order).
    private static void InsertSorted(List<TextEdit> list, TextEdit e)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Start <= e.Start) lo = mid + 1; else hi = mid;
        }
        list.Insert(lo, e);
    }

    private static bool Overlaps(TextEdit a, TextEdit b)
    {
        // Appending after the same member (", \"key\": …" at the end of an object or array) commutes: both go in, in order.
        if (a.Length == 0 && b.Length == 0 && a.Start == b.Start)
            return !(a.NewText.StartsWith(',') && b.NewText.StartsWith(','));
        return a.Start == b.Start || (a.Start < b.End && b.Start < a.End);
    }

    private static byte[] Splice(ReadOnlySpan<byte> content, List<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Start); // stable: insertions at one place keep the order they were taken in
        var output = new List<byte>(content.Length + 64);
        int at = 0;
        foreach (var e in ordered)
        {
            output.AddRange(content[at..e.Start]);
            output.AddRange(Encoding.UTF8.GetBytes(e.NewText));
            at = e.End;
        }
        output.AddRange(content[at..]);
        return [.. output];
    }

    private static string? Normalise(string path)
    {
        string? normal = WidgetLoader.NormalizeEntryName(path, out _);
        return string.IsNullOrEmpty(normal) ? null : normal;
    }

    private static Func<DiagnosticDescriptor, bool> RuleFilter(IReadOnlyCollection<string>? rules)
    {
        if (rules is null || rules.Count == 0) return _ => true;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rules) ids.Add(RuleCatalog.Find(r)?.Descriptor.Id ?? r);
        return d => ids.Contains(d.Id);
    }

    private static string StateKey(Widget widget)
    {
        var hash = new System.IO.Hashing.XxHash128();
        foreach (var f in widget.Files)
        {
            hash.Append(Encoding.UTF8.GetBytes(f.Path));
            hash.Append([0]);
            hash.Append(f.Content.Span);
            hash.Append([0]);
        }
        return Convert.ToHexString(hash.GetCurrentHash());
    }

    private static List<FileDelta> Deltas(Widget before, Widget after)
    {
        var list = new List<FileDelta>();
        foreach (var file in after.Files)
        {
            var old = before.GetFile(file.Path);
            if (old is null) list.Add(new FileDelta(file.Path, null, file.Content.ToArray()));
            else if (!old.Content.Span.SequenceEqual(file.Content.Span)) list.Add(new FileDelta(file.Path, old.Content.ToArray(), file.Content.ToArray()));
        }
        return list;
    }

    /// <summary>Writes the changed files of <paramref name="result"/> into the widget's folder.</summary>
    /// <remarks>Every target is checked first (inside the widget root, no symbolic link on the way, writable, unchanged on disk
    /// since it was loaded); then each file is written to a temporary file beside it and renamed over it. When a write fails,
    /// the files already written are put back as they were.</remarks>
    /// <exception cref="FixException">The widget did not come from a folder, or a target is refused; nothing was written.</exception>
    public static void Write(FixResult result) => FixWriter.Write(result);
}
