using System.Diagnostics;
using System.Text;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>
/// The CLI's own standard output and error (ProcessStreams: UTF-8 writes straight to file descriptors 1 and 2) as a
/// user's shell sees them: one file for both, any locale, a reader that went away, a closed descriptor, a terminal.
/// </summary>
public sealed class ProcessStreamsTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    // With the platform chosen, so that validate prints no note about inferring it on stderr.
    private string Widget(TestWidget widget) => _cli.Folder(widget.Set("kommo-widget.json", "{ \"platform\": \"kommo\" }"));

    private static Dictionary<string, string> Env(params (string Name, string Value)[] pairs)
    {
        var env = new Dictionary<string, string>();
        foreach (var (name, value) in pairs) env[name] = value;
        return env;
    }

    [Fact]
    public void Output_and_errors_redirected_into_one_file_are_both_kept_in_the_order_written()
    {
        string widget = Widget(TestWidget.Valid());
        string zip = Path.Combine(_cli.Root, "widget.zip");
        var env = Env(("W", widget), ("Z", zip), ("D", _cli.Root));

        // pack prints the validation summary on stderr, then the listing and the archive's digest on stdout.
        var apart = CliProcess.BashText("kw pack \"$W\" -o \"$Z\" > \"$D/out.txt\" 2> \"$D/err.txt\"", env);
        Assert.True(apart.ExitCode == 0, apart.Error);
        var together = CliProcess.BashText("kw pack \"$W\" -o \"$Z\" > \"$D/both.txt\" 2>&1", env);
        Assert.True(together.ExitCode == 0, together.Error);

        string stdout = File.ReadAllText(Path.Combine(_cli.Root, "out.txt"));
        string stderr = File.ReadAllText(Path.Combine(_cli.Root, "err.txt"));
        Assert.Contains("no problems", stderr);
        Assert.Contains("SHA-256 ", stdout);
        // Both streams share one open file: each write lands after the one before, nothing is overwritten.
        Assert.Equal(stderr + stdout, File.ReadAllText(Path.Combine(_cli.Root, "both.txt")));
    }

    [Theory]
    [InlineData("C")]
    [InlineData("POSIX")]
    [InlineData("en_US.ISO-8859-1")]
    [InlineData("C.UTF-8")]
    public void Output_is_utf8_whatever_the_locale(string locale)
    {
        string widget = Widget(TestWidget.Valid());
        var (code, output, error) = CliProcess.Bash("kw validate \"$W\"", Env(("W", widget), ("LC_ALL", locale), ("LANG", locale)));
        Assert.True(code == 0, error);
        Assert.StartsWith("✔ no problems in ", Encoding.UTF8.GetString(output));
        Assert.Equal([0xE2, 0x9C, 0x94], output[..3]);
        Assert.DoesNotContain((byte)'\r', output);
    }

    [Fact]
    public void A_reader_that_went_away_ends_the_output_quietly_with_the_usual_exit_code()
    {
        string widget = Widget(TestWidget.Valid().Remove("images/logo_min.png"));
        // The reader closes its end at once and exits; the CLI writes its findings afterwards (EPIPE).
        var (code, output, error) = CliProcess.BashText(
            "set -o pipefail; kw validate \"$W\" --format json | (exec 0<&-; exit 0); echo \"cli exit ${PIPESTATUS[0]}\"",
            Env(("W", widget)));
        Assert.Equal(0, code);
        Assert.Equal("cli exit 1\n", output);
        Assert.True(error == "", error);
    }

    [Fact]
    public void A_closed_standard_output_is_not_an_error()
    {
        string widget = Widget(TestWidget.Valid().Remove("images/logo_min.png"));
        var (code, output, error) = CliProcess.BashText("kw validate \"$W\" >&-; echo \"cli exit $?\" >&2", Env(("W", widget)));
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal("cli exit 1\n", error);
    }

    [Fact]
    public void Colour_on_a_terminal_and_not_through_a_pipe_or_with_NO_COLOR()
    {
        Assert.True(File.Exists("/usr/bin/script"), "script(1) from util-linux (Debian: bsdutils) gives the CLI a terminal");
        string widget = Widget(TestWidget.Valid().Remove("images/logo_min.png"));
        var env = Env(("W", widget), ("TERM", "xterm"));
        env.Remove("NO_COLOR");
        const string OnTerminal = "script -qec \"\\\"$KW_HOST\\\" \\\"$KW_DLL\\\" validate \\\"$W\\\"\" /dev/null";

        var terminal = CliProcess.BashText("unset NO_COLOR; " + OnTerminal, env);
        Assert.Contains("\u001b[31merror\u001b[0m", terminal.Out);

        var piped = CliProcess.BashText("unset NO_COLOR; kw validate \"$W\" | cat", env);
        Assert.Contains(" error KW4000", piped.Out);
        Assert.DoesNotContain("\u001b[", piped.Out);

        var noColor = CliProcess.BashText("export NO_COLOR=1; " + OnTerminal, env);
        Assert.Contains(" error KW4000", noColor.Out);
        Assert.DoesNotContain("\u001b[", noColor.Out);
    }
}
