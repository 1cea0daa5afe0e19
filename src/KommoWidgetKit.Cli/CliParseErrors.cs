using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using KommoWidgetKit.Cli.Commands;
using KommoWidgetKit.Text;

namespace KommoWidgetKit.Cli;

/// <summary>Reports a usage error the same way in every command: one line <c>error: …</c> (with a "did you mean" when a
/// known name is close), then <c>Run 'kommo-widget CMD --help' for usage.</c></summary>
internal static class CliParseErrors
{
    /// <summary>True when the command line has errors, including an unknown option taken for the PATH argument.</summary>
    public static bool Any(ParseResult parse) => parse.Errors.Count > 0 || OptionLikeArguments(parse).Count > 0;

    // System.CommandLine takes an unknown "--formt" for the PATH argument; a path that starts with '-' is far less likely than a typo.
    // Plain loops: this runs on every start, and chained LINQ there costs a run-time generic lookup under Native AOT.
    private static List<string> OptionLikeArguments(ParseResult parse)
    {
        var found = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type != TokenType.Argument || !LooksLikeOption(token.Value)) continue;
            foreach (var argument in parse.CommandResult.Command.Arguments)
            {
                if (parse.GetResult(argument) is not { } result) continue;
                bool taken = false;
                foreach (var t in result.Tokens)
                    if (t.Value == token.Value) { taken = true; break; }
                if (taken) { found.Add(token.Value); break; }
            }
        }
        return found;
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    /// <summary>Writes the first error of <paramref name="parse"/> to <paramref name="error"/>.</summary>
    public static void Write(ParseResult parse, TextWriter error) =>
        WriteUsageError(error, parse.CommandResult.Command, Describe(parse));

    /// <summary>Writes <c>error: MESSAGE</c> and where to find help for <paramref name="command"/>.</summary>
    public static void WriteUsageError(TextWriter error, Command command, string message) =>
        WriteUsageError(error, CommandPath(command), message);

    /// <summary>Writes <c>error: MESSAGE</c> and where to find help for the command named <paramref name="commandPath"/>.</summary>
    public static void WriteUsageError(TextWriter error, string commandPath, string message)
    {
        error.WriteLine("error: " + message);
        error.WriteLine($"Run '{commandPath} --help' for usage.");
    }

    // One line is enough: the first word the parser could not place (an option's value after it is only noise), else its first error.
    private static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var stray = new HashSet<string>(OptionLikeArguments(parse).Concat(parse.UnmatchedTokens), StringComparer.Ordinal);
        string? first = parse.Tokens.Select(t => t.Value).FirstOrDefault(stray.Contains) ?? parse.UnmatchedTokens.FirstOrDefault();
        if (first is not null)
        {
            string what = LooksLikeOption(first) ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected argument";
            string hint = Suggest(first, command) is { } suggestion ? $" (did you mean '{suggestion}'?)" : "";
            return $"{what} '{first}'{hint}";
        }
        if (command.Subcommands.Count > 0)
            return "no command given; choose one of " + CommandInput.OneOf(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList());
        return parse.Errors[0].Message;
    }

    /// <summary>The full command name, e.g. <c>kommo-widget validate</c>.</summary>
    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Add(c.Name);
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
            int d = EditDistance.LevenshteinIgnoreCase(bare, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, bare.Length / 3) ? best : null;
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
