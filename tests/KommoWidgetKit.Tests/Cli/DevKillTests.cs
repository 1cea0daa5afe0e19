using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>
/// <c>kommo-widget dev</c> as a real child process, killed with SIGKILL after writes through the sandbox API:
/// every write answered with 200 must be in <c>.kommo/dev.db</c> when the process starts again.
/// </summary>
public sealed class DevKillTests : IDisposable
{
    private const string Token = "kill-token";

    private const long SeededLead = 30000001;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Writes_answered_200_survive_kill_9()
    {
        string widget = CopyFixture("card_sdk");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = RequestTimeout };
        string name = "Survives kill -9 " + Guid.NewGuid().ToString("N")[..8];
        string rename = "Renamed before kill -9 " + Guid.NewGuid().ToString("N")[..8];
        long added;

        await using (var first = await DevProcess.StartAsync(widget))
        {
            using var post = await SendAsync(http, HttpMethod.Post, first.Address + "/api/v4/leads", new[] { new { name, price = 777 } });
            string postBody = await post.Content.ReadAsStringAsync();
            Assert.True(post.StatusCode == HttpStatusCode.OK, $"{post.StatusCode}: {postBody}");
            added = JsonDocument.Parse(postBody).RootElement.GetProperty("_embedded").GetProperty("leads")[0].GetProperty("id").GetInt64();

            using var patch = await SendAsync(http, HttpMethod.Patch, $"{first.Address}/api/v4/leads/{SeededLead}", new { name = rename });
            Assert.True(patch.StatusCode == HttpStatusCode.OK, $"{patch.StatusCode}: {await patch.Content.ReadAsStringAsync()}");

            first.KillHard();
            Assert.NotEqual(0, first.ExitCode);
        }

        await using var second = await DevProcess.StartAsync(widget);
        var lead = await GetLeadAsync(http, second.Address, added);
        Assert.Equal(name, lead.GetProperty("name").GetString());
        Assert.Equal(777, lead.GetProperty("price").GetInt64());
        Assert.Equal(rename, (await GetLeadAsync(http, second.Address, SeededLead)).GetProperty("name").GetString());
    }

    private static async Task<JsonElement> GetLeadAsync(HttpClient http, string address, long id)
    {
        using var response = await SendAsync(http, HttpMethod.Get, $"{address}/api/v4/leads/{id}", null);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"lead {id}: {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, object? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return http.SendAsync(request);
    }

    /// <summary>Copies tests/fixtures/devhost/<paramref name="fixture"/> with the shared logos into a temp folder.</summary>
    private string CopyFixture(string fixture)
    {
        string fixtures = RepoPaths.Combine("tests", "fixtures", "devhost");
        string target = _temp.Combine(fixture);
        TempFolder.CopyTree(Path.Combine(fixtures, fixture), target);
        TempFolder.CopyTree(Path.Combine(fixtures, "_images"), Path.Combine(target, "images"));
        return target;
    }


    /// <summary><c>dotnet kommo-widget.dll dev WIDGET --port 0</c> from the test output, which runs <c>kommo-widget-dev</c> as
    /// its child; both are always killed on dispose.</summary>
    private sealed class DevProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private readonly StringBuilder _output = new();

        private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private DevProcess(Process process) => _process = process;

        public string Address { get; private set; } = "";

        public int ExitCode => _process.ExitCode;

        public static async Task<DevProcess> StartAsync(string widget)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "kommo-widget.dll");
            Assert.True(File.Exists(dll), "not in the test output: " + dll);
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "kommo-widget.runtimeconfig.json")),
                "kommo-widget.runtimeconfig.json is not in the test output");
            var info = new ProcessStartInfo(CliProcess.DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { dll, "dev", widget, "--port", "0", "--api-token", Token, "--no-watch" })
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment.Remove("KOMMO_WIDGET_DEV_TOKEN");
            // kommo-widget runs the dev host kommo-widget-dev beside it (copied into the test output by the build).
            info.Environment.Remove("KOMMO_WIDGET_DEV_HOST");

            var dev = new DevProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
            dev._process.OutputDataReceived += (_, e) => dev.OnLine(e.Data);
            dev._process.ErrorDataReceived += (_, e) => dev.OnLine(e.Data);
            dev._process.Exited += (_, _) => dev._address.TrySetException(new InvalidOperationException("dev exited early:\n" + dev.Output()));
            try
            {
                dev._process.Start();
                dev._process.BeginOutputReadLine();
                dev._process.BeginErrorReadLine();
                dev.Address = await dev._address.Task.WaitAsync(StartTimeout);
                return dev;
            }
            catch
            {
                await dev.DisposeAsync();
                throw;
            }
        }

        /// <summary>SIGKILL on Linux, to kommo-widget and the dev host it runs: no shutdown hooks, no flush, no checkpoint.</summary>
        public void KillHard()
        {
            _process.Kill(entireProcessTree: true);
            Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(15)), "dev did not die after SIGKILL");
        }

        public string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
            const string prefix = "Listening on ";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                _address.TrySetResult(line[prefix.Length..].Trim());
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
                }
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
