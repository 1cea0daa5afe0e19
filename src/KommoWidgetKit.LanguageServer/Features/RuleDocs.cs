using System.Collections.Concurrent;

namespace KommoWidgetKit.LanguageServer.Features;

/// <summary>The rule pages (<c>docs/rules/KWnnnn.md</c>) shipped inside the server, for hovers.</summary>
internal static class RuleDocs
{
    private static readonly ConcurrentDictionary<string, string?> Why = new(StringComparer.Ordinal);

    /// <summary>The "Why" section of a rule's page, or null.</summary>
    public static string? WhyOf(string id) => Why.GetOrAdd(id, static id =>
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd().Replace("\r\n", "\n");
        int start = text.IndexOf("\n## Why\n", StringComparison.Ordinal);
        if (start < 0) return null;
        start += "\n## Why\n".Length;
        int end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        return (end < 0 ? text[start..] : text[start..end]).Trim();
    });
}
