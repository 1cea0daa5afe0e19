using System.Buffers;

namespace KommoWidgetKit.Text;

/// <summary>Levenshtein edit distance, used for "did you mean …?" suggestions.</summary>
public static class EditDistance
{
    // Rows up to this length live on the stack; longer strings rent from the shared pool.
    private const int StackLimit = 256;

    /// <summary>The number of single-character insertions, deletions and substitutions that turn <paramref name="a"/>
    /// into <paramref name="b"/>, comparing characters ordinally.</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, ignoreCase: false);

    /// <summary>As <see cref="Levenshtein"/>, with characters compared case-insensitively (invariant culture).</summary>
    public static int LevenshteinIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, ignoreCase: true);

    private static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase)
    {
        if (b.Length > a.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        // b is now the shorter one: two rows of b.Length + 1 cells.
        if (b.Length == 0) return a.Length;
        int width = b.Length + 1;
        int[]? rented = null;
        Span<int> cells = width * 2 <= StackLimit ? stackalloc int[StackLimit] : (rented = ArrayPool<int>.Shared.Rent(width * 2));
        try
        {
            var prev = cells[..width];
            var cur = cells.Slice(width, width);
            for (int j = 0; j < width; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                char ca = ignoreCase ? char.ToLowerInvariant(a[i - 1]) : a[i - 1];
                cur[0] = i;
                for (int j = 1; j < width; j++)
                {
                    char cb = ignoreCase ? char.ToLowerInvariant(b[j - 1]) : b[j - 1];
                    int substitute = prev[j - 1] + (ca == cb ? 0 : 1);
                    cur[j] = Math.Min(Math.Min(cur[j - 1], prev[j]) + 1, substitute);
                }
                var swap = prev;
                prev = cur;
                cur = swap;
            }
            return prev[width - 1];
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }
}
