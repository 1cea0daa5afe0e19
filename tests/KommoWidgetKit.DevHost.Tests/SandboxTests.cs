using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KommoWidgetKit.DevHost.Tests;

/// <summary>The sandbox Kommo API through the dev host: tokens, the page's session, shared data, persistence, reset, DP webhooks.</summary>
public sealed class SandboxTests
{
    internal static HttpClient Plain() => new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    internal static async Task<HttpResponseMessage> ApiAsync(HttpClient http, HttpMethod method, string url, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await http.SendAsync(request);
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient http, string url, string token)
    {
        using var response = await ApiAsync(http, HttpMethod.Get, url, token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_token_comes_from_the_option_and_requests_without_it_are_refused()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "option-token" });
        using var http = Plain();
        Assert.Contains("API token: option-token", host.Output());
        Assert.Contains($"{host.Address}/api/v4/", host.Output());

        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/account", "option-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/account", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/leads", "wrong")).StatusCode);
        // A forged page cookie with another value does not pass either.
        using var forged = new HttpRequestMessage(HttpMethod.Get, host.Address + "/api/v4/leads");
        forged.Headers.Add("Cookie", "kommo_dev_session_" + new Uri(host.Address).Port + "=guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_page_served_by_the_host_authorises_its_own_api_calls_through_a_session_cookie()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "page-token" });
        using var browserLike = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var page = await browserLike.GetAsync(host.Address + "/leads/detail/30000001");
        var cookie = page.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"kommo_dev_session_{new Uri(host.Address).Port}=page-token", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var lead = await browserLike.GetAsync(host.Address + "/api/v4/leads/30000001");
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(30000001, (await lead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        using var plain = Plain();
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.GetAsync(host.Address + "/api/v4/leads/30000001")).StatusCode);
    }

    [Fact]
    public async Task Pages_and_app_globals_show_the_same_records_as_the_api_and_writes_show_on_the_next_load()
    {
        using var widget = TempWidget.Copy("card_panel");
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "t" });
        using var http = Plain();
        var state = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/state");
        var lead = await GetJsonAsync(http, host.Address + "/api/v4/leads/30000001?with=contacts", "t");
        var shown = state.GetProperty("host").GetProperty("entities").GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == 30000001);
        Assert.Equal(lead.GetProperty("name").GetString(), shown.GetProperty("name").GetString());
        Assert.Equal(lead.GetProperty("price").GetInt64(), shown.GetProperty("price").GetInt64());
        Assert.Equal(lead.GetProperty("status_id").GetInt64(), shown.GetProperty("statusId").GetInt64());
        Assert.Equal(lead.GetProperty("pipeline_id").GetInt64(), shown.GetProperty("pipelineId").GetInt64());
        var contactIds = lead.GetProperty("_embedded").GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray();
        Assert.NotEmpty(contactIds);
        Assert.Equal(contactIds, shown.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray());
        Assert.All(shown.GetProperty("contacts").EnumerateArray(), c => Assert.NotEqual("", c.GetProperty("name").GetString()));
        var fieldNames = lead.GetProperty("custom_fields_values").EnumerateArray().Select(f => f.GetProperty("field_name").GetString()).ToArray();
        Assert.Equal(fieldNames, shown.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray());

        // APP.constant('account' | 'user' | 'managers' | 'groups') and system() are built from these.
        var account = await GetJsonAsync(http, host.Address + "/api/v4/account", "t");
        var hostData = state.GetProperty("host");
        Assert.Equal(account.GetProperty("id").GetInt64(), hostData.GetProperty("account").GetProperty("id").GetInt64());
        Assert.Equal(account.GetProperty("subdomain").GetString(), hostData.GetProperty("account").GetProperty("subdomain").GetString());
        Assert.Equal(account.GetProperty("current_user_id").GetInt64(), hostData.GetProperty("user").GetProperty("id").GetInt64());
        var users = await GetJsonAsync(http, host.Address + "/api/v4/users", "t");
        Assert.Equal(users.GetProperty("_embedded").GetProperty("users").GetArrayLength(), hostData.GetProperty("managers").GetArrayLength());
        var groups = await GetJsonAsync(http, host.Address + "/api/v4/account?with=users_groups", "t");
        var groupNames = groups.GetProperty("_embedded").GetProperty("users_groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order().ToArray();
        Assert.Equal(groupNames, hostData.GetProperty("groups").EnumerateObject().Select(g => g.Value.GetString()).Order().ToArray());
        Assert.Equal("t", state.GetProperty("apiToken").GetString());

        var patched = await ApiAsync(http, HttpMethod.Patch, host.Address + "/api/v4/leads/30000001", "t", new { name = "Renamed through the API", price = 4321 });
        patched.EnsureSuccessStatusCode();
        var after = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/state");
        var renamed = after.GetProperty("host").GetProperty("entities").GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == 30000001);
        Assert.Equal("Renamed through the API", renamed.GetProperty("name").GetString());
        Assert.Equal(4321, renamed.GetProperty("price").GetInt64());
    }

    [Fact]
    public async Task Data_and_settings_survive_a_restart_and_reset_starts_both_over()
    {
        using var widget = TempWidget.Copy("card_panel");
        long seededPrice;
        string generated;
        string?[] seedOneNames;
        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            generated = host.Output().Split('\n').Single(l => l.Contains("API token: ")).Split("API token: ")[1].Trim();
            Assert.NotEmpty(generated);
            using var http = Plain();
            seededPrice = (await GetJsonAsync(http, host.Address + "/api/v4/leads/30000002", generated)).GetProperty("price").GetInt64();
            seedOneNames = (await GetJsonAsync(http, host.Address + "/api/v4/leads?limit=10", generated)).GetProperty("_embedded").GetProperty("leads")
                .EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToArray();
            (await ApiAsync(http, HttpMethod.Patch, host.Address + "/api/v4/leads/30000002", generated, new { price = seededPrice + 1 })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync(host.Address + "/__kommo/api/settings", new { active = "Y", fields = new { greeting = "hi" } })).EnsureSuccessStatusCode();
        }
        Assert.True(File.Exists(Path.Combine(widget.Path, ".kommo", "dev.db")));

        await using (var host = await RunningHost.StartAsync(widget.Path))
        {
            using var http = Plain();
            Assert.Contains("API token: " + generated, host.Output());
            Assert.Equal(seededPrice + 1, (await GetJsonAsync(http, host.Address + "/api/v4/leads/30000002", generated)).GetProperty("price").GetInt64());
            var state = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/state");
            Assert.Equal("hi", state.GetProperty("install").GetProperty("settings").GetProperty("greeting").GetString());
        }

        await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { Reset = true, ApiToken = "after-reset" }))
        {
            using var http = Plain();
            Assert.Equal(seededPrice, (await GetJsonAsync(http, host.Address + "/api/v4/leads/30000002", "after-reset")).GetProperty("price").GetInt64());
            var state = await http.GetFromJsonAsync<JsonElement>(host.Address + "/__kommo/api/state");
            Assert.Equal("N", state.GetProperty("install").GetProperty("active").GetString());
            Assert.Empty(state.GetProperty("install").GetProperty("settings").EnumerateObject());
        }

        // --seed gives other records under the same ids when the data is seeded again.
        await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { Reset = true, Seed = 7, ApiToken = "s" }))
        {
            using var http = Plain();
            var seven = await GetJsonAsync(http, host.Address + "/api/v4/leads?limit=10", "s");
            var names = seven.GetProperty("_embedded").GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToArray();
            Assert.Equal(30000001, seven.GetProperty("_embedded").GetProperty("leads")[0].GetProperty("id").GetInt64());
            Assert.NotEqual(seedOneNames, names);
        }
    }

    [Fact]
    public async Task Moving_a_lead_through_the_api_into_the_widgets_stage_posts_the_dp_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var widget = TempWidget.Copy("api_panel");
        var manifestPath = Path.Combine(widget.Path, "manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath)
            .Replace("\"action_multiple\": false", $"\"action_multiple\": true, \"webhook_url\": \"{receiver.Url}\""));
        await using var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "dp" });
        using var http = Plain();
        var (pipeline, stages) = await StagesAsync(http, host.Address, "dp");
        (await http.PostAsJsonAsync(host.Address + "/__kommo/api/settings", new { active = "Y", fields = new { } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"{host.Address}/__kommo/api/dp/{pipeline}/{stages[1]}", new { message = "Hi there" })).EnsureSuccessStatusCode();
        const long lead = 30000003;

        // Out of the action first (the first stage precedes it): nothing is sent.
        await MoveAsync(http, host.Address, lead, pipeline, stages[0]);
        Assert.True(await receiver.QuietAsync());

        await MoveAsync(http, host.Address, lead, pipeline, stages[1]);
        var (contentType, entered) = await receiver.NextAsync();
        Assert.StartsWith("application/json", contentType);
        var account = await GetJsonAsync(http, host.Address + "/api/v4/account", "dp");
        AssertPayload(entered, 14, lead, pipeline, stages[1], account);

        // With action_multiple the action spans the next stages too: a move between them is type 15.
        await MoveAsync(http, host.Address, lead, pipeline, stages[2]);
        AssertPayload((await receiver.NextAsync()).Body, 15, lead, pipeline, stages[2], account);

        // Closed stages are never part of the action.
        await MoveAsync(http, host.Address, lead, pipeline, 142);
        Assert.True(await receiver.QuietAsync());

        var log = host.Output();
        Assert.Contains($"[dp] lead {lead} → pipeline {pipeline}, stage {stages[1]}: type 14 POST {receiver.Url} → 200 OK: {{\"accepted\":true}}", log);
        Assert.Contains("type 15 POST", log);
    }

    internal static void AssertPayload(JsonElement body, int type, long lead, long pipeline, long stage, JsonElement account)
    {
        var time = body.GetProperty("event").GetProperty("time").GetInt64();
        Assert.InRange(time, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var expected = new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["type"] = type,
                ["type_code"] = "lead_appeared_in_status",
                ["data"] = new JsonObject
                {
                    ["id"] = lead,
                    ["element_type"] = 2,
                    ["status_id"] = stage,
                    ["pipeline_id"] = pipeline,
                    ["direction_of_movement"] = "went_to_trigger",
                },
                ["time"] = time,
            },
            ["action"] = new JsonObject { ["settings"] = new JsonObject { ["widget"] = new JsonObject { ["settings"] = new JsonObject { ["message"] = "Hi there" } } } },
            ["subdomain"] = account.GetProperty("subdomain").GetString(),
            ["account_id"] = account.GetProperty("id").GetInt64(),
        };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body.GetRawText())), $"expected {expected.ToJsonString()}\nactual   {body.GetRawText()}");
    }

    internal static async Task<(long Pipeline, long[] Stages)> StagesAsync(HttpClient http, string address, string token)
    {
        var pipelines = await GetJsonAsync(http, address + "/api/v4/leads/pipelines", token);
        var main = pipelines.GetProperty("_embedded").GetProperty("pipelines")[0];
        var stages = main.GetProperty("_embedded").GetProperty("statuses").EnumerateArray()
            .Select(s => s.GetProperty("id").GetInt64()).Where(id => id is not (142 or 143)).ToArray();
        Assert.True(stages.Length >= 3);
        return (main.GetProperty("id").GetInt64(), stages);
    }

    private static async Task MoveAsync(HttpClient http, string address, long lead, long pipeline, long stage)
    {
        using var response = await ApiAsync(http, HttpMethod.Patch, $"{address}/api/v4/leads/{lead}", "dp", new { pipeline_id = pipeline, status_id = stage });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Tests that set process-wide environment variables; run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class SandboxEnvironmentTests
{
    [Fact]
    public async Task The_token_comes_from_KOMMO_WIDGET_DEV_TOKEN_when_no_option_is_given_and_the_option_wins()
    {
        using var widget = TempWidget.Copy("card_panel");
        Environment.SetEnvironmentVariable(DevHostOptions.TokenVariable, "env-token");
        try
        {
            using var http = SandboxTests.Plain();
            await using (var host = await RunningHost.StartAsync(widget.Path))
            {
                Assert.Contains("API token: env-token", host.Output());
                Assert.Equal(HttpStatusCode.OK, (await SandboxTests.ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/leads", "env-token")).StatusCode);
            }
            await using (var host = await RunningHost.StartAsync(widget.Path, configure: o => o with { ApiToken = "option-wins" }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SandboxTests.ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/leads", "env-token")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await SandboxTests.ApiAsync(http, HttpMethod.Get, host.Address + "/api/v4/leads", "option-wins")).StatusCode);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(DevHostOptions.TokenVariable, null);
        }
    }
}
