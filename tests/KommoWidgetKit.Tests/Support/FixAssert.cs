using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Support;

/// <summary>Assertions on what <see cref="WidgetFixer"/> does to a widget.</summary>
public static class FixAssert
{
    /// <summary>Safe and unsafe fixes.</summary>
    public static FixOptions Unsafe { get; } = new() { IncludeUnsafe = true };

    /// <summary>Only the fixes of <paramref name="ids"/> (safe and, when <paramref name="includeUnsafe"/>, unsafe).</summary>
    public static FixOptions Only(bool includeUnsafe, params string[] ids) => new() { IncludeUnsafe = includeUnsafe, Rules = ids };

    /// <summary>Computes the fixes and asserts what every fix must do: the rule had findings and has none afterwards, a fix
    /// of it was applied, no error-severity finding is new, and fixing the result again changes nothing.</summary>
    public static FixResult Fixes(TestWidget widget, string id, FixOptions? options = null) => Fixes(widget.Load(), id, options);

    /// <inheritdoc cref="Fixes(TestWidget, string, FixOptions?)"/>
    public static FixResult Fixes(Widget widget, string id, FixOptions? options = null)
    {
        var result = WidgetFixer.Compute(widget, options);
        Assert.Contains(result.Before.Diagnostics, d => d.Id == id);
        Assert.Contains(result.Applied, a => a.Finding.Id == id);
        Assert.Empty(result.After.Diagnostics.Where(d => d.Id == id).Select(Describe));
        Assert.All(result.Applied, a => Assert.Equal(a.Finding.Descriptor.Fixable, a.Safety));
        NoNewErrors(result);
        Idempotent(result, options);
        return result;
    }

    /// <summary>Asserts that no error-severity finding is in <see cref="FixResult.After"/> more often than in <see cref="FixResult.Before"/>.</summary>
    public static void NoNewErrors(FixResult result)
    {
        var before = result.Before.Diagnostics.Where(d => d.Severity == Severity.Error).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var added = result.After.Diagnostics
            .Where(d => d.Severity == Severity.Error)
            .GroupBy(d => d.Id)
            .Where(g => g.Count() > before.GetValueOrDefault(g.Key))
            .SelectMany(g => g.Select(Describe));
        Assert.Empty(added);
    }

    /// <summary>Asserts that fixing <see cref="FixResult.Fixed"/> again applies nothing and changes nothing.</summary>
    public static void Idempotent(FixResult result, FixOptions? options = null)
    {
        var again = WidgetFixer.Compute(result.Fixed, options);
        Assert.Empty(again.Applied.Select(a => $"{a.Finding.Id} {a.Title}"));
        Assert.Empty(again.Changes.Select(c => c.Path));
    }

    /// <summary>Asserts that the fixes changed exactly one file, <paramref name="path"/>, into <paramref name="expected"/>.</summary>
    public static void OnlyChanged(FixResult result, string path, string expected)
    {
        Assert.Equal([path], result.Changes.Select(c => c.Path));
        Changed(result, path, expected);
    }

    /// <summary>Asserts that <paramref name="path"/> reads <paramref name="expected"/> after the fixes (compared as text and as bytes).</summary>
    public static void Changed(FixResult result, string path, string expected)
    {
        var delta = Assert.Single(result.Changes, c => c.Path == path);
        Assert.Equal(expected, Encoding.UTF8.GetString(delta.After));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), delta.After);
    }

    /// <summary>The text of a file of a test widget.</summary>
    public static string Text(TestWidget widget, string path) => Encoding.UTF8.GetString(widget.Files[path]);

    /// <summary>The text of a file of a widget.</summary>
    public static string Text(Widget widget, string path) => Encoding.UTF8.GetString(widget.GetFile(path)!.Content.Span);

    /// <summary><paramref name="text"/> with its one occurrence of <paramref name="old"/> replaced (fails when it is absent or repeated).</summary>
    public static string ReplaceOnce(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the text");
        Assert.True(text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, $"'{old}' is in the text more than once");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    /// <summary>The passes the fixes of <paramref name="id"/> were applied in.</summary>
    public static IReadOnlyList<int> Passes(FixResult result, string id) => result.Applied.Where(a => a.Finding.Id == id).Select(a => a.Pass).ToList();

    private static string Describe(Diagnostic d) => $"{d.Span} {d.Id} {d.Message}";
}
