using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary><c>validate PATH</c> and <c>--version</c> are answered without System.CommandLine; they must behave exactly as
/// the parsed command line does, and everything else must still go through the parser.</summary>
public class CliFastPathTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public CliFastPathTests(CliFixture cli) => _cli = cli;

    private static (int Code, string Out, string Error) Fast(params string[] args)
    {
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        return (CliApp.Run(args, o, e), o.ToString(), e.ToString());
    }

    private static (int Code, string Out, string Error) Parsed(params string[] args)
    {
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        return (CliApp.RunParsed(args, o, e), o.ToString(), e.ToString());
    }

    public static TheoryData<string> Widgets() => ["clean", "findings", "errors", "zip", "missing", "file", "empty-name"];

    private string PathOf(string kind) => kind switch
    {
        "clean" => _cli.Folder(TestWidget.Valid(), "clean"),
        "findings" => _cli.Folder(TestWidget.Valid().Set("script.js", TestWidget.ValidScript + "\neval('1');\n"), "findings"),
        "errors" => _cli.Folder(TestWidget.Valid().Set("manifest.json", "{ \"widget\": "), "errors"),
        "zip" => _cli.Zip(TestWidget.Valid().Set("i18n/en.json", "\uFEFF" + TestWidget.ValidI18nEn), "w.zip"),
        "missing" => Path.Combine(_cli.Root, "no-such-widget"),
        "file" => File.Exists(Path.Combine(_cli.Root, "notes.txt")) ? Path.Combine(_cli.Root, "notes.txt") : WriteNotes(),
        _ => _cli.Folder(TestWidget.Valid(), "name with spaces and ñ"),
    };

    private string WriteNotes()
    {
        string path = Path.Combine(_cli.Root, "notes.txt");
        File.WriteAllText(path, "not a widget");
        return path;
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Validate_path_gives_what_the_parser_gives(string kind)
    {
        string path = PathOf(kind);
        var parsed = Parsed("validate", path);
        var fast = Fast("validate", path);
        Assert.Equal(parsed, fast);
        // And a second time, when the cache answers.
        Assert.Equal(parsed, Fast("validate", path));
        Assert.Equal(Parsed("validate", path), Fast("validate", path));
    }

    [Fact]
    public void Each_kind_of_widget_ends_as_it_should()
    {
        Assert.Equal(ExitCodes.Clean, Fast("validate", PathOf("clean")).Code);
        Assert.Equal(ExitCodes.Clean, Fast("validate", PathOf("findings")).Code); // a warning is below --fail-on error
        Assert.Contains("KW2010", Fast("validate", PathOf("findings")).Out);
        Assert.Equal(ExitCodes.Findings, Fast("validate", PathOf("errors")).Code);
        var missing = Fast("validate", PathOf("missing"));
        Assert.Equal(ExitCodes.UsageError, missing.Code);
        Assert.EndsWith("Run 'kommo-widget validate --help' for usage.\n", missing.Error);
    }

    [Fact]
    public void Version_gives_what_the_parser_gives()
    {
        Assert.Equal(Parsed("--version"), Fast("--version"));
        Assert.Equal(ExitCodes.Clean, Fast("--version").Code);
    }

    [Theory]
    [InlineData("validate", "-h")]
    [InlineData("validate", "/h")]
    [InlineData("validate", "/?")]
    [InlineData("validate", "--formt")]
    [InlineData("validate", "@args.rsp")]
    [InlineData("validate", "")]
    [InlineData("--version", "extra")]
    public void Anything_else_goes_through_the_parser(params string[] args)
    {
        var parsed = Parsed(args);
        Assert.Equal(parsed, Fast(args));
    }
}
