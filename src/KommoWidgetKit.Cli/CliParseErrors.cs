using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace KommoWidgetKit.Cli;

/// <summary>Prints command-line mistakes as one line each, with a "did you mean" hint and where to find help.</summary>
internal static class CliParseErrors
{
    /// <summary>True when the command line has errors, including an unknown option taken for the PATH argument.</summary>
    public static bool Any(ParseResult parse) => parse.Errors.Count > 0 || OptionLikeArguments(parse).Any();

    // System.CommandLine takes an unknown "--formt" for the PATH argument; a path that starts with '-' is far less likely than a typo.
    private static IEnumerable<string> OptionLikeArguments(ParseResult parse) =>
        parse.Tokens.Where(t => t.Type == TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-' && !char.IsAsciiDigit(t.Value[1]))
            .Select(t => t.Value)
            .Where(v => parse.CommandResult.Command.Arguments.Any(a => parse.GetResult(a)?.Tokens.Any(t => t.Value == v) == true));

    /// <summary>Writes the errors of <paramref name="parse"/> to <paramref name="error"/>.</summary>
    public static void Write(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var unknown = OptionLikeArguments(parse).ToList();
        foreach (var e in parse.Errors)
        {
            // "Required command was not provided" only adds noise next to the unrecognized word that caused it.
            if (parse.UnmatchedTokens.Count > 0 && e.Message.StartsWith("Required command", StringComparison.Ordinal)) continue;
            error.WriteLine("error: " + e.Message);
        }
        foreach (var option in unknown)
            error.WriteLine($"error: unknown option '{option}' (to name a path that starts with '-', write ./{option})");
        foreach (var token in parse.UnmatchedTokens.Concat(unknown))
        {
            if (Suggest(token, command) is { } suggestion)
                error.WriteLine($"hint: did you mean '{suggestion}'?");
        }
        string path = CommandPath(command);
        error.WriteLine($"Run '{path} --help' for usage.");
    }

    /// <summary>The full command name, e.g. <c>kommo-widget validate</c>.</summary>
    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Add(c is RootCommand ? "kommo-widget" : c.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string? Suggest(string token, Command command)
    {
        var candidates = new List<string>();
        foreach (var sub in command.Subcommands)
            if (!sub.Hidden) candidates.Add(sub.Name);
        foreach (var option in command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive))))
        {
            if (option.Hidden) continue;
            candidates.Add(option.Name);
            candidates.AddRange(option.Aliases);
        }
        string bare = token.Split('=', 2)[0];
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates.Where(c => c.Length > 2))
        {
            int d = Distance(bare, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, bare.Length / 3) ? best : null;
    }

    // Levenshtein distance, case-insensitive; tokens are short, so the quadratic table is fine.
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}

/// <summary>Prints the informational version for <c>--version</c> (the default action reads the entry assembly, which is wrong in tests).</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(CliVersion.Informational);
        return ExitCodes.Clean;
    }
}
