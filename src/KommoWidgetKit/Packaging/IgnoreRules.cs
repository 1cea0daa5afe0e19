namespace KommoWidgetKit.Packaging;

/// <summary>One line of a gitignore-style file, compiled.</summary>
/// <param name="Text">The line as written (for messages).</param>
/// <param name="Line">1-based line number in its file (0 for built-in patterns).</param>
/// <param name="Glob">The pattern to match against a root-relative path, without the leading <c>!</c> or trailing <c>/</c>.</param>
/// <param name="Negated">A <c>!</c> pattern: re-includes what earlier patterns excluded.</param>
/// <param name="DirectoryOnly">A pattern ending in <c>/</c>: matches folders only.</param>
/// <param name="Source">Where the pattern comes from, e.g. <c>.kommoignore</c>.</param>
public sealed record IgnorePattern(string Text, int Line, string Glob, bool Negated, bool DirectoryOnly, string Source)
{
    /// <summary>Where the pattern comes from, with its line, e.g. <c>.kommoignore:3</c>.</summary>
    public string Origin => Line > 0 ? $"{Source}:{Line}" : Source;
}

/// <summary>Gitignore semantics over root-relative, forward-slash paths: <c>#</c> comments, <c>!</c> negation,
/// <c>*</c> <c>?</c> <c>[a-z]</c> <c>**</c>, a trailing <c>/</c> for folders, a leading or inner <c>/</c> anchors the
/// pattern to the root, <c>\</c> escapes. The last matching pattern wins, and a file inside an excluded folder
/// cannot be re-included (as in git).</summary>
public sealed class IgnoreRules
{
    private readonly List<IgnorePattern> _patterns = [];

    /// <summary>The compiled patterns in order.</summary>
    public IReadOnlyList<IgnorePattern> Patterns => _patterns;

    /// <summary>Parses a gitignore-style text.</summary>
    public static IgnoreRules Parse(string text, string source = ".kommoignore")
    {
        var rules = new IgnoreRules();
        rules.Add(text, source);
        return rules;
    }

    /// <summary>Adds the patterns of a gitignore-style text after the current ones.</summary>
    public void Add(string text, string source)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (Compile(lines[i], i + 1, source) is { } p) _patterns.Add(p);
        }
    }

    /// <summary>Adds one pattern after the current ones (line 0: built in).</summary>
    public void AddPattern(string pattern, string source)
    {
        if (Compile(pattern, 0, source) is { } p) _patterns.Add(p);
    }

    private static IgnorePattern? Compile(string raw, int line, string source)
    {
        string s = raw.TrimEnd('\r');
        if (s.Length == 0 || s[0] == '#') return null;
        // Trailing spaces are dropped unless escaped with a backslash.
        int end = s.Length;
        while (end > 0 && s[end - 1] == ' ' && !IsEscaped(s, end - 1)) end--;
        s = s[..end];
        if (s.Length == 0) return null;
        bool negated = false;
        if (s[0] == '!')
        {
            negated = true;
            s = s[1..];
        }
        bool dirOnly = false;
        if (s.EndsWith('/') && !IsEscaped(s, s.Length - 1))
        {
            dirOnly = true;
            s = s.TrimEnd('/');
        }
        if (s.Length == 0) return null;
        bool anchored = s.Contains('/');
        if (s[0] == '/') s = s[1..];
        if (s.Length == 0) return null;
        // A pattern without a slash matches at any depth.
        string glob = anchored ? s : "**/" + s;
        return new IgnorePattern(raw.TrimEnd('\r'), line, glob, negated, dirOnly, source);
    }

    private static bool IsEscaped(string s, int index)
    {
        int n = 0;
        for (int i = index - 1; i >= 0 && s[i] == '\\'; i--) n++;
        return n % 2 == 1;
    }

    /// <summary>The pattern that decides a file's fate: an excluding pattern when the file or one of its folders is
    /// excluded, else null (also when the last matching pattern is a negation).</summary>
    public IgnorePattern? FindExcluding(string path)
    {
        if (_patterns.Count == 0) return null;
        int slash = -1;
        while ((slash = path.IndexOf('/', slash + 1)) >= 0)
        {
            if (Decide(path[..slash], isDirectory: true) is { Negated: false } folder) return folder;
        }
        return Decide(path, isDirectory: false) is { Negated: false } p ? p : null;
    }

    /// <summary>Whether the file at <paramref name="path"/> is excluded.</summary>
    public bool IsExcluded(string path) => FindExcluding(path) is not null;

    /// <summary>The last pattern matching <paramref name="path"/> itself, or null.</summary>
    public IgnorePattern? Decide(string path, bool isDirectory)
    {
        for (int i = _patterns.Count - 1; i >= 0; i--)
        {
            var p = _patterns[i];
            if (p.DirectoryOnly && !isDirectory) continue;
            if (Glob.Match(p.Glob, path)) return p;
        }
        return null;
    }
}

/// <summary>Matches one gitignore glob against a path: <c>*</c> and <c>?</c> stay within a path segment, <c>**</c> as a
/// whole segment spans folders, <c>[...]</c> is a character class (<c>!</c> or <c>^</c> negates), <c>\</c> escapes.</summary>
public static class Glob
{
    /// <summary>Whether <paramref name="pattern"/> matches the whole of <paramref name="path"/>.</summary>
    public static bool Match(string pattern, string path)
    {
        var state = new State();
        return Match(pattern, 0, path, 0, 0, ref state);
    }

    // Failed (pattern, path) positions are remembered once a match has backtracked a while, so many stars cannot make
    // it explode; the common patterns (*.map, **/.DS_Store) finish long before and allocate nothing.
    private struct State
    {
        public HashSet<long>? Failed;
        public int Steps;
    }

    private const int StepsBeforeMemo = 64;

    private static bool Match(string p, int pi, string s, int si, int depth, ref State state)
    {
        if (state.Failed is not null && state.Failed.Contains(((long)pi << 32) | (uint)si)) return false;
        if (depth > 200) return false;
        bool result = MatchFrom(p, pi, s, si, depth, ref state);
        if (!result && state.Failed is not null) state.Failed.Add(((long)pi << 32) | (uint)si);
        return result;
    }

    private static bool MatchFrom(string p, int pi, string s, int si, int depth, ref State state)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            if (c == '*')
            {
                if (state.Failed is null && ++state.Steps > StepsBeforeMemo) state.Failed = [];
                bool doubleStar = pi + 1 < p.Length && p[pi + 1] == '*'
                    && (pi == 0 || p[pi - 1] == '/')
                    && (pi + 2 == p.Length || p[pi + 2] == '/');
                if (doubleStar)
                {
                    if (pi + 2 == p.Length)
                        return si < s.Length; // trailing "/**": everything inside, not the folder itself
                    // "**/": zero or more whole folders.
                    int rest = pi + 3;
                    if (Match(p, rest, s, si, depth + 1, ref state)) return true;
                    for (int k = si; k < s.Length; k++)
                        if (s[k] == '/' && Match(p, rest, s, k + 1, depth + 1, ref state)) return true;
                    return false;
                }
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return s.IndexOf('/', si) < 0;
                for (int k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi, s, k, depth + 1, ref state)) return true;
                    if (k < s.Length && s[k] == '/') return false;
                }
                return false;
            }
            if (si >= s.Length) return false;
            char ch = s[si];
            if (c == '?')
            {
                if (ch == '/') return false;
                pi++;
                si++;
                continue;
            }
            if (c == '[' && TryClass(p, pi, ch, out bool inClass, out int next))
            {
                if (!inClass || ch == '/') return false;
                pi = next;
                si++;
                continue;
            }
            if (c == '\\' && pi + 1 < p.Length)
            {
                pi++;
                c = p[pi];
            }
            if (c != ch) return false;
            pi++;
            si++;
        }
        return si == s.Length;
    }

    // Reads "[...]" at p[start]; false when the bracket is not closed (then it is a literal '[').
    private static bool TryClass(string p, int start, char ch, out bool matched, out int next)
    {
        matched = false;
        next = start;
        int i = start + 1;
        bool negate = i < p.Length && (p[i] == '!' || p[i] == '^');
        if (negate) i++;
        bool any = false;
        bool first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            char lo = p[i];
            if (lo == '\\' && i + 1 < p.Length) lo = p[++i];
            char hi = lo;
            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                hi = p[i + 2];
                if (hi == '\\' && i + 3 < p.Length) { hi = p[i + 3]; i++; }
                i += 2;
            }
            if (ch >= lo && ch <= hi) any = true;
            i++;
        }
        if (i >= p.Length) return false;
        matched = any != negate;
        next = i + 1;
        return true;
    }
}
