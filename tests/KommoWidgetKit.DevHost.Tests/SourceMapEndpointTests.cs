using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary><c>/__kommo/api/log</c> answers a place in a script that has a source map with the place in the source, as a
/// webpack or Vite output's own map gives it; without a map it answers nothing, as before. No Node.js needed.</summary>
public sealed class SourceMapEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement? Body)> LogAsync(RunningHost host, string file, int line, int column)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(host.Address + "/__kommo/api/log", new { level = "error", message = "Uncaught Error: boom", file, line, column, area = "lcard" });
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_webpack_output_map_leads_to_the_source_in_the_answer_and_the_terminal()
    {
        using var widget = TempWidget.Copy("card_panel");
        string script = Path.Combine(widget.Path, "script.js");
        File.AppendAllText(script, "\n//# sourceMappingURL=script.js.map\n");
        // Generated line 2, column 0 → webpack://my-app/./src/panel.ts line 10, column 4 (0-based 9, 3).
        File.WriteAllText(script + ".map", """{"version":3,"file":"script.js","sources":["webpack://my-app/./src/panel.ts"],"names":[],"mappings":";AASG"}""");
        await using var host = await RunningHost.StartAsync(widget.Path);

        var (status, body) = await LogAsync(host, "script.js", 2, 1);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("src/panel.ts", body!.Value.GetProperty("file").GetString());
        Assert.Equal(10, body.Value.GetProperty("line").GetInt32());
        Assert.Equal(4, body.Value.GetProperty("column").GetInt32());
        Assert.Contains("[browser] [lcard] src/panel.ts:10:4: error: Uncaught Error: boom (built script.js:2:1)", host.Output());

        // A line the map says nothing about, and a file without a map: no answer, the terminal names the script.
        Assert.Equal(HttpStatusCode.NoContent, (await LogAsync(host, "script.js", 1, 1)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await LogAsync(host, "templates/panel.twig", 1, 1)).Status);
        Assert.Contains("[browser] [lcard] script.js:1:1: error: Uncaught Error: boom", host.Output());
    }

    [Fact]
    public async Task A_broken_map_is_no_answer_not_an_error()
    {
        using var widget = TempWidget.Copy("card_panel");
        File.WriteAllText(Path.Combine(widget.Path, "script.js.map"), "{ not a map");
        await using var host = await RunningHost.StartAsync(widget.Path);
        Assert.Equal(HttpStatusCode.NoContent, (await LogAsync(host, "script.js", 3, 5)).Status);
        Assert.Contains("script.js:3:5: error: Uncaught Error: boom", host.Output());
    }
}
