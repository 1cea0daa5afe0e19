using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>Usage errors look the same in every command: one <c>error: …</c> line, the help hint, exit 2.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("pack")]
    [InlineData("info")]
    [InlineData("fix")]
    [InlineData("loader")]
    public void A_missing_path_is_one_line_without_a_stack_trace(string command)
    {
        string error = CliFixture.Run(command, Path.Combine(_fx.Root, "nope")).AssertUsageError(command);
        Assert.Contains("does not exist", error);
        Assert.DoesNotContain(" at ", error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("pack")]
    [InlineData("info")]
    [InlineData("new")]
    [InlineData("fix")]
    [InlineData("logos")]
    [InlineData("loader")]
    public void An_unknown_option_is_reported_alike_whether_or_not_an_argument_came_first(string command)
    {
        string argument = command == "new" ? "w" : _fx.Folder(TestWidget.Valid());
        Assert.Equal("error: unknown option '--bogus'", CliFixture.Run(command, argument, "--bogus", "x").AssertUsageError(command));
        Assert.Equal("error: unknown option '--bogus'", CliFixture.Run(command, "--bogus").AssertUsageError(command));
    }

    [Theory]
    [InlineData("--platform", "bitrix")]
    [InlineData("--profile", "secret")]
    [InlineData("--fail-on", "never")]
    [InlineData("--fail-on", "off")]
    [InlineData("--rule", "KW1003")]
    [InlineData("--rule", "KW9999=off")]
    [InlineData("--rule", "KW1003=loud")]
    [InlineData("--rule", "")]
    public void Validation_options_are_refused_with_the_same_words_by_validate_and_pack(string option, string value)
    {
        string path = _fx.Folder(TestWidget.Valid());
        string validate = CliFixture.Run("validate", path, option, value).AssertUsageError("validate");
        string pack = CliFixture.Run("pack", path, "-o", Path.Combine(_fx.Root, "w.zip"), option, value).AssertUsageError("pack");
        Assert.Equal(validate, pack);
        Assert.Contains(option, validate);
        Assert.False(File.Exists(Path.Combine(_fx.Root, "w.zip")));
    }

    [Fact]
    public void A_bad_platform_reads_the_same_in_validate_pack_and_new()
    {
        const string expected = "error: --platform must be kommo or amocrm, not 'bitrix'";
        string path = _fx.Folder(TestWidget.Valid());
        Assert.Equal(expected, CliFixture.Run("validate", path, "--platform", "bitrix").AssertUsageError("validate"));
        Assert.Equal(expected, CliFixture.Run("pack", path, "--platform", "bitrix").AssertUsageError("pack"));
        Assert.Equal(expected, CliFixture.Run("new", "w", "-o", Path.Combine(_fx.Root, "new"), "--platform", "bitrix").AssertUsageError("new"));
    }

    [Fact]
    public void No_command_and_an_unknown_command_point_to_the_root_help()
    {
        Assert.Equal("error: no command given; choose one of validate, fix, pack, build, loader, new, logos, info, lsp or dev", CliFixture.Run().AssertUsageError(""));
        Assert.Equal("error: unknown command 'valdate' (did you mean 'validate'?)", CliFixture.Run("valdate", ".").AssertUsageError(""));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("pack")]
    [InlineData("new")]
    [InlineData("info")]
    [InlineData("loader")]
    [InlineData("build")]
    public void Help_names_values_and_states_defaults(string command)
    {
        var run = CliFixture.Run(command, "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("[default:", run.Out);
        if (command == "new")
        {
            Assert.Contains("<NAME>", run.Out);
            Assert.Contains("--output <DIR>", run.Out);
        }
        else
        {
            Assert.Contains("[<PATH>]", run.Out);
            Assert.Contains("(default: ., the current folder)", run.Out);
        }
        if (command is "validate" or "pack" or "loader") Assert.Contains("--output <FILE>", run.Out);
        if (command == "loader") Assert.Contains("--url <URL>", run.Out);
    }

    [Fact]
    public void Validate_and_pack_describe_the_shared_options_with_the_same_words()
    {
        string[] SharedLines(string command) => CliFixture.Run(command, "--help").Out.Split('\n')
            .Where(l => l.TrimStart().StartsWith("--platform", StringComparison.Ordinal) || l.TrimStart().StartsWith("--profile", StringComparison.Ordinal) ||
                        l.TrimStart().StartsWith("--rule", StringComparison.Ordinal) || l.TrimStart().StartsWith("--fail-on", StringComparison.Ordinal) ||
                        l.TrimStart().StartsWith("--no-color", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToArray();
        var validate = SharedLines("validate");
        Assert.Equal(5, validate.Length);
        Assert.Equal(validate, SharedLines("pack"));
    }
}
