using System.Net;
using System.Text.Json.Nodes;

namespace KommoWidgetKit.Sandbox.Tests;

public sealed class AuthTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Missing_or_wrong_token_gets_401_problem(string? token)
    {
        await using var server = await SandboxServer.StartAsync(_folder.Db());
        using var client = server.NewClient(token);

        var response = await client.GetAsync("api/v4/leads");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await SandboxServer.Body(response);
        Assert.Equal("Unauthorized", (string?)body!["title"]);
        Assert.Equal("https://httpstatus.es/401", (string?)body["type"]);
        Assert.Equal(401, (int)body["status"]!);
        Assert.Equal("Invalid user name or password", (string?)body["detail"]);
    }

    [Fact]
    public async Task Valid_token_is_accepted_and_unknown_route_gets_404_after_auth()
    {
        await using var server = await SandboxServer.StartAsync(_folder.Db());

        var (status, body, response) = await server.Get("/api/v4/account");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("devaccount", (string?)body!["subdomain"]);

        var (missing, problem, _) = await server.Get("/api/v4/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal($"Cannot GET {server.BaseUrl}/api/v4/nothing/here", (string?)problem!["detail"]);

        using var anonymous = server.NewClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v4/nothing/here")).StatusCode);
    }

    [Fact]
    public async Task Generated_token_is_kept_in_the_database_across_restarts()
    {
        string first;
        await using (var server = await SandboxServer.StartAsync(_folder.Db("gen.db"), o => o with { ApiToken = null }))
        {
            first = server.Store.ApiToken;
            Assert.Equal(48, first.Length);
            using var client = server.NewClient(first);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v4/account")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("api/v4/account")).StatusCode);
        }

        await using var again = await SandboxServer.StartAsync(_folder.Db("gen.db"), o => o with { ApiToken = null });
        Assert.Equal(first, again.Store.ApiToken);
    }

    [Fact]
    public async Task Page_requests_are_authorised_by_cookie_or_callback_but_not_with_a_wrong_header()
    {
        await using var server = await SandboxServer.StartAsync(_folder.Db("page.db"), o => o with
        {
            SessionCookieName = "kommo_dev_session",
            IsPageRequest = http => http.Request.Headers["X-Dev-Page"] == "1",
        });
        using var anonymous = server.NewClient(null);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "api/v4/account");
        withCookie.Headers.Add("Cookie", $"kommo_dev_session={SandboxServer.Token}");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(withCookie)).StatusCode);

        using var badCookie = new HttpRequestMessage(HttpMethod.Get, "api/v4/account");
        badCookie.Headers.Add("Cookie", "kommo_dev_session=nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(badCookie)).StatusCode);

        using var page = new HttpRequestMessage(HttpMethod.Get, "api/v4/account");
        page.Headers.Add("X-Dev-Page", "1");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(page)).StatusCode);

        using var wrongHeader = new HttpRequestMessage(HttpMethod.Get, "api/v4/account");
        wrongHeader.Headers.Add("X-Dev-Page", "1");
        wrongHeader.Headers.Add("Authorization", "Bearer wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrongHeader)).StatusCode);
    }
}
