using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using KommoWidgetKit.Cli;
using KommoWidgetKit.DevHost.Cli;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary><c>kommo-widget-dev dev</c> (what <c>kommo-widget dev</c> runs) in-process: help, usage errors, and a real run on
/// port 0 stopped through its token.</summary>
public sealed class DevHostCliTests
{
    [Fact]
    public void Help_lists_every_option_with_its_default()
    {
        var run = DevRun.Run("dev", "--help");
        Assert.True(run.ExitCode == ExitCodes.Clean, run.ToString());
        Assert.Contains("kommo-widget dev [<PATH>] [options]", run.Out);
        foreach (var option in new[] { "--port", "--https-port", "--code", "--open", "--api-token", "--seed", "--reset", "--no-watch" })
        {
            Assert.Contains(option, run.Out);
        }
        Assert.Contains("(default: 5173)", run.Out);
        Assert.Contains("KOMMO_WIDGET_DEV_TOKEN", run.Out);
        Assert.Contains(".kommo/dev.db", run.Out);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kommo-devhost-missing-" + Guid.NewGuid().ToString("N"), "nope");
        string error = DevRun.Run("dev", missing, "--port", "0").AssertUsageError();
        Assert.Contains("does not exist", error);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    [InlineData("x")]
    public void A_bad_port_is_a_usage_error(string port)
    {
        using var widget = TempWidget.Copy("card_sdk");
        string error = DevRun.Run("dev", widget.Path, "--port", port).AssertUsageError();
        Assert.Contains("--port", error);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("x")]
    public void A_bad_https_port_is_a_usage_error(string port)
    {
        using var widget = TempWidget.Copy("card_sdk");
        Assert.Equal($"error: --https-port must be 0 to 65535, not '{port}'", DevRun.Run("dev", widget.Path, "--https-port", port).AssertUsageError());
    }

    [Fact]
    public void An_https_port_in_use_is_a_usage_error_naming_both_ports()
    {
        using var widget = TempWidget.Copy("card_sdk");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        string error = DevRun.Run("dev", widget.Path, "--port", "0", "--https-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-watch")
            .AssertUsageError();
        Assert.Contains($"or :{port}", error);
        Assert.Contains("--https-port 0", error);
    }

    [Fact]
    public void An_unknown_option_reads_as_the_main_cli_error()
    {
        using var widget = TempWidget.Copy("card_sdk");
        string error = DevRun.Run("dev", widget.Path, "--prot", "0").AssertUsageError();
        Assert.Equal("error: unknown option '--prot' (did you mean '--port'?)", error);
    }

    [Fact]
    public void A_port_in_use_is_a_usage_error()
    {
        using var widget = TempWidget.Copy("card_sdk");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        string error = DevRun.Run("dev", widget.Path, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-watch")
            .AssertUsageError();
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", error);
        Assert.Contains("--port 0", error);
    }

    [Fact]
    public async Task Dev_serves_pages_and_the_sandbox_api_until_cancelled()
    {
        using var temp = TempWidget.Copy("card_sdk");
        string widget = temp.Path;
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var log = TextWriter.Synchronized(stdout);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = Task.Run(() => DevHostCliApp.RunAsync(["dev", widget, "--port", "0", "--no-watch", "--api-token", "cli-token", "--seed", "3"], log, stderr, cts.Token));

        // The synchronized writer locks on itself, so reading under the same lock never sees a write half done.
        string Output()
        {
            lock (log)
            {
                return stdout.ToString();
            }
        }
        string address = await ListeningAddressAsync(Output, running);
        using var http = new HttpClient();
        using (var page = await http.GetAsync(address + "/leads/list/"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("kommo-runtime.js", await page.Content.ReadAsStringAsync());
        }
        // The page set its session cookie, so this client is authorised like the page; one without cookies is not.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(address + "/api/v4/leads?limit=1")).StatusCode);
        using var plain = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.GetAsync(address + "/api/v4/leads")).StatusCode);
        using (var request = new HttpRequestMessage(HttpMethod.Get, address + "/api/v4/leads?limit=1"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cli-token");
            using var leads = await plain.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, leads.StatusCode);
            Assert.Contains("\"leads\"", await leads.Content.ReadAsStringAsync());
        }
        Assert.Contains("API token: cli-token", Output());
        Assert.True(File.Exists(Path.Combine(widget, ".kommo", "dev.db")));

        await cts.CancelAsync();
        int code = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == ExitCodes.Clean, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("", stderr.ToString());
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(address + "/"));
    }

    private static async Task<string> ListeningAddressAsync(Func<string> stdout, Task<int> running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(running.IsCompleted, "dev ended early:\n" + stdout());
            string? line = stdout().Split('\n').FirstOrDefault(l => l.StartsWith("Listening on ", StringComparison.Ordinal));
            if (line is not null)
            {
                return line["Listening on ".Length..].Trim();
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("dev did not print its address:\n" + stdout());
    }

    /// <summary>The outcome of one in-process run of <c>kommo-widget-dev</c>.</summary>
    private sealed record DevRun(int ExitCode, string Out, string Error)
    {
        public static DevRun Run(params string[] args)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int code = DevHostCliApp.Run(args, stdout, stderr);
            return new DevRun(code, stdout.ToString(), stderr.ToString());
        }

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";

        /// <summary>Exit 2, nothing on stdout, and on stderr exactly <c>error: …</c> and the main CLI's help hint for
        /// <c>dev</c>. Returns the error line.</summary>
        public string AssertUsageError()
        {
            Assert.True(ExitCode == ExitCodes.UsageError, ToString());
            Assert.True(Out == "", ToString());
            var lines = Error.TrimEnd('\n').Split('\n');
            Assert.True(lines.Length == 2, ToString());
            Assert.StartsWith("error: ", lines[0]);
            Assert.Equal("Run 'kommo-widget dev --help' for usage.", lines[1]);
            return lines[0];
        }
    }
}
