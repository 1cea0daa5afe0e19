using System.Globalization;

namespace KommoWidgetKit.Diagnostics;

/// <summary>One finding: which rule, how serious, what it says and where.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, Severity Severity, string Message, SourceSpan Span)
{
    /// <summary>The rule ID, e.g. KW1001.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The repair the rule offers for this finding, or null.</summary>
    public Fixing.Fix? Fix { get; init; }

    /// <summary>Creates a finding at the descriptor's default severity with a formatted message.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, Format(descriptor.MessageFormat, args), span);

    internal static string Format(string format, object?[] args) =>
        args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The order of output: path, line, column, ID, message.</summary>
    public static int Compare(Diagnostic? a, Diagnostic? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int c = string.CompareOrdinal(a.Span.Path, b.Span.Path);
        if (c != 0) return c;
        c = a.Span.StartLine.CompareTo(b.Span.StartLine);
        if (c != 0) return c;
        c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>Collects findings while rules run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Adds a finding at the descriptor's default severity.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, span, args));

    /// <summary>Adds a finding that was already built.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds several findings.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Adds every finding of another bag.</summary>
    public void AddAll(DiagnosticBag other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _items.AddRange(other._items);
    }

    /// <summary>Number of findings so far.</summary>
    public int Count => _items.Count;

    /// <summary>The findings, de-duplicated and sorted by path, line, column and ID.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        var seen = new HashSet<(string, string, int, int, string)>();
        var list = new List<Diagnostic>(_items.Count);
        foreach (var d in _items)
            if (seen.Add((d.Id, d.Span.Path, d.Span.StartLine, d.Span.StartColumn, d.Message)))
                list.Add(d);
        list.Sort(Diagnostic.Compare);
        return list;
    }
}
