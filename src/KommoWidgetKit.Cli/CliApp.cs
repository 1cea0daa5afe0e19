using System.CommandLine;
using KommoWidgetKit.Cli.Commands;

namespace KommoWidgetKit.Cli;

/// <summary>Builds the command tree and runs it with the given writers (so tests can run it in-process).</summary>
/// <remarks><c>dev</c> is not parsed here: everything after it goes to the dev host executable <c>kommo-widget-dev</c>
/// beside this one (see <see cref="DevLauncher"/>), so the other commands never load ASP.NET Core or SQLite.</remarks>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (IsDev(args)) return DevLauncher.RunAsync(args[1..], new CliConsole(stdout, stderr), CancellationToken.None).GetAwaiter().GetResult();
        if (TryRunPlain(args, stdout, stderr) is { } code) return code;
        return RunParsed(args, stdout, stderr);
    }

    /// <summary>Like <see cref="Run"/>, always through System.CommandLine (the fast path left out).</summary>
    internal static int RunParsed(string[] args, TextWriter stdout, TextWriter stderr) =>
        CliInvocation.Run(CreateRoot(stdout, stderr, args), args, stdout, stderr);

    // The invocations run on every save, by editors, git hooks and CI, answered without building the command tree:
    // `validate`, `validate PATH` and `--version`. Building and running System.CommandLine's parser is about a millisecond
    // of a start-up whose floor is a few (bench/README.md); the result is the same as the parser's (CliFastPathTests).
    // Anything else, including a PATH that looks like an option, a response file (@file) or a help alias, is parsed.
    private static int? TryRunPlain(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["--version"])
        {
            stdout.WriteLine(CliVersion.Informational);
            return ExitCodes.Clean;
        }
        if (args is ["validate"] or ["validate", _] && (args.Length == 1 || IsPlainValue(args[1])))
        {
            var console = new CliConsole(stdout, stderr);
            string path = args.Length == 2 ? args[1] : ".";
            return CliInvocation.Guarded(() => ValidateCommand.Run(console,
                new ValidateCommand.ValidateRequest(path, Reporting.ReportFormat.Text, null, ValidationChoices.Defaults(cached: true))),
                "kommo-widget validate", stderr);
        }
        return null;
    }

    private static bool IsPlainValue(string token) =>
        token.Length > 0 && token[0] != '-' && token[0] != '@' && Array.IndexOf(HelpAliases, token) < 0 && token.Trim().Length > 0;

    /// <summary>Like <see cref="Run"/>, for commands that run until stopped (<c>dev</c>): cancelling <paramref name="ct"/>
    /// stops them as Ctrl+C does.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (IsDev(args)) return DevLauncher.RunAsync(args[1..], new CliConsole(stdout, stderr), ct);
        return CliInvocation.RunAsync(CreateRoot(stdout, stderr, args), args, stdout, stderr, ct);
    }

    private static bool IsDev(string[] args) => args.Length > 0 && args[0] == DevCommandInfo.Name;

    // A plain Command with the two options RootCommand would add: RootCommand names itself after the executable, which
    // costs reflection at every start, and the name is fixed anyway.
    // When the first argument names a command, only that command is built in full (the others stand as bare names, which
    // nothing but the root's own help would show); otherwise, for root help or a mistyped command, all of them are.
    private static Command CreateRoot(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var root = new Command("kommo-widget", "kommo-widget: validate, fix, pack, build, scaffold, draw logos for, inspect and run Kommo (amoCRM) widgets. Run 'kommo-widget COMMAND --help' for a command's options.")
        {
            CreateHelpOption(),
            CreateVersionOption(),
        };
        var console = new CliConsole(stdout, stderr);
        (string Name, Func<CliConsole, Command> Create)[] commands =
        [
            ("validate", ValidateCommand.Create),
            ("fix", FixCommand.Create),
            ("pack", PackCommand.Create),
            ("build", BuildCommand.Create),
            ("loader", LoaderCommand.Create),
            ("new", NewCommand.Create),
            ("logos", LogosCommand.Create),
            ("info", InfoCommand.Create),
            ("lsp", LspCommand.Create),
            (DevCommandInfo.Name, DevLauncher.CreateCommand),
        ];
        string? chosen = null;
        if (args.Length > 0)
            foreach (var (name, _) in commands)
                if (args[0] == name) chosen = name;
        foreach (var (name, create) in commands)
            root.Add(chosen is null || chosen == name ? create(console) : new Command(name));
        return root;
    }

    // The help and version options as System.CommandLine's HelpOption and VersionOption behave, with their English texts
    // given here: those classes read their descriptions from the library's resources in their constructors, and opening a
    // ResourceManager (reflection over assembly names, a satellite search) was a tenth of every start (bench/README.md).
    private static readonly string[] HelpAliases = ["-h", "/h", "-?", "/?"];

    internal static Option CreateHelpOption() => new Option<bool>("--help", HelpAliases)
    {
        Description = "Show help and usage information",
        Arity = ArgumentArity.Zero,
        Recursive = true,
        Action = new System.CommandLine.Help.HelpAction(),
    };

    internal static Option CreateVersionOption() => new Option<bool>("--version")
    {
        Description = "Show version information",
        Arity = ArgumentArity.Zero,
        Action = new PrintVersionAction(),
    };
}
