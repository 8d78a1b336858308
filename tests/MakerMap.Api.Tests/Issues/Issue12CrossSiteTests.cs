using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MakerMap.Api.Tests.Live;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Issues;

/// <summary>The real server with one extra allowed origin, <see cref="Issue12CrossSiteTests.Partner"/>.</summary>
public sealed class CrossSiteApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString);
        builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
        builder.UseSetting("MakerMap:AllowedOrigins:0", Issue12CrossSiteTests.Partner);
        builder.UseEnvironment("Testing");
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// Issue 12, item 14: the WebSocket endpoint accepted an upgrade with the session cookie from a foreign
/// <c>Origin</c>, and <c>/auth/sign-out</c> a cross-site form POST. Both are now refused with 403 CROSS_SITE_REQUEST.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12CrossSiteTests(CrossSiteApiFactory factory) : IClassFixture<CrossSiteApiFactory>
{
    public const string Partner = "https://map.partner.example";

    private const string Foreign = "https://evil.example";

    // TestServer answers at http://localhost.
    private const string Own = "http://localhost";

    private const string Password = "repair-cafe-2026";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private async Task<(string Email, string Cookie)> SignedInAsync()
    {
        using var client = Client();
        var email = "xsite-" + Guid.NewGuid().ToString("N")[..10] + "@example.org";
        using var signUp = await client.PostAsJsonAsync("/auth/sign-up", new { email, password = Password, displayName = "Cross" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        return (email, signUp.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent? content, string? origin = null, string? cookie = null, string? fetchSite = null)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return await client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CROSS_SITE_REQUEST", body.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"), "A refused request must not change the session.");
    }

    private static StringContent Form() => new("", Encoding.UTF8, "application/x-www-form-urlencoded");

    private async Task<string> WebSocketHandshakeAsync(string? origin, string cookie)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = request =>
        {
            request.Headers.Cookie = cookie;
            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };
        try
        {
            using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return "accepted";
        }
        catch (InvalidOperationException e)
        {
            // TestServer reports a refused handshake as "Incomplete handshake, status code: 403".
            return e.Message;
        }
    }

    [Fact]
    public async Task WebSocket_upgrade_with_the_cookie_from_a_foreign_origin_is_refused_with_403()
    {
        var (_, cookie) = await SignedInAsync();

        Assert.Contains("403", await WebSocketHandshakeAsync(Foreign, cookie), StringComparison.Ordinal);
        Assert.Contains("403", await WebSocketHandshakeAsync("null", cookie), StringComparison.Ordinal);
        Assert.Contains("403", await WebSocketHandshakeAsync("https://localhost", cookie), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebSocket_upgrade_from_the_own_origin_an_allowed_origin_or_without_origin_is_accepted()
    {
        var (_, cookie) = await SignedInAsync();

        Assert.Equal("accepted", await WebSocketHandshakeAsync(Own, cookie));
        Assert.Equal("accepted", await WebSocketHandshakeAsync(Own + ":80", cookie));
        Assert.Equal("accepted", await WebSocketHandshakeAsync(Partner, cookie));
        Assert.Equal("accepted", await WebSocketHandshakeAsync(null, cookie));
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(factory);
    }

    [Fact]
    public async Task Sign_out_by_a_cross_site_form_post_is_refused_and_the_session_stays()
    {
        var (_, cookie) = await SignedInAsync();

        await AssertRefusedAsync(await PostAsync("/auth/sign-out", Form(), origin: Foreign, cookie: cookie));
        await AssertRefusedAsync(await PostAsync("/auth/sign-out", Form(), origin: "null", cookie: cookie));
        // A browser that sends no Origin: the form content type alone is enough to refuse, as is Sec-Fetch-Site.
        await AssertRefusedAsync(await PostAsync("/auth/sign-out", Form(), cookie: cookie));
        await AssertRefusedAsync(await PostAsync("/auth/sign-out", null, cookie: cookie, fetchSite: "cross-site"));

        using var client = Client();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        me.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(me)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_from_the_own_origin_or_a_script_without_origin_is_accepted()
    {
        var (_, cookie) = await SignedInAsync();

        using var sameOrigin = await PostAsync("/auth/sign-out", Form(), origin: Own, cookie: cookie, fetchSite: "same-origin");
        using var script = await PostAsync("/auth/sign-out", null, cookie: cookie);

        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.Contains("\"signedOut\":true", await sameOrigin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_sign_up_from_a_foreign_origin_are_refused_from_an_allowed_one_accepted()
    {
        var (email, _) = await SignedInAsync();
        var credentials = new { email, password = Password };

        await AssertRefusedAsync(await PostAsync("/auth/sign-in", JsonContent.Create(credentials), origin: Foreign));
        await AssertRefusedAsync(await PostAsync("/auth/sign-up",
            JsonContent.Create(new { email = "x" + email, password = Password, displayName = "X" }), origin: Foreign));
        await AssertRefusedAsync(await PostAsync("/auth/sign-in", JsonContent.Create(credentials), fetchSite: "same-site"));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/auth/sign-in", JsonContent.Create(credentials), origin: Partner)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/auth/sign-in", JsonContent.Create(credentials), origin: Own)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/auth/sign-in", JsonContent.Create(credentials))).StatusCode);
    }

    [Fact]
    public async Task Graphql_keeps_its_own_defence_a_form_post_is_415_and_changes_nothing()
    {
        var (_, cookie) = await SignedInAsync();

        using var form = await PostAsync("/graphql", new StringContent("query=mutation%7BsignOut%7BsignedOut%7D%7D", Encoding.UTF8,
            "application/x-www-form-urlencoded"), origin: Foreign, cookie: cookie);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
    }
}
