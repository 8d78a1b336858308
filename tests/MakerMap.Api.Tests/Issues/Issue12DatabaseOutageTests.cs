using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace MakerMap.Api.Tests.Issues;

/// <summary>The server on a database reached through a <see cref="DatabaseProxy"/> that a test can cut, with its log captured.</summary>
public sealed class OutageApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private DatabaseProxy? _proxy;

    public TestDatabase Database { get; } = new();

    public DatabaseProxy Proxy => _proxy ?? throw new InvalidOperationException("Not initialised.");

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Proxy.ConnectionString);
        builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _proxy = new DatabaseProxy(Database.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Proxy.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// Issue 12, item 13: during a database outage signed-in requests got an empty 500 and the log a stack trace each.
/// Now they get 503 with a typed JSON body and <c>Retry-After</c>, and the outage is logged once.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12DatabaseOutageTests(OutageApiFactory factory) : IClassFixture<OutageApiFactory>
{
    private const string Viewer = "{ viewer { id } }";

    private async Task<(string Token, string Cookie)> SignInBothWaysAsync()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var email = "outage-" + Guid.NewGuid().ToString("N")[..10] + "@example.org";
        const string password = "repair-cafe-2026";
        using var signUp = await client.PostAsJsonAsync("/auth/sign-up", new { email, password, displayName = "Outage" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        using var cookieSignIn = await client.PostAsJsonAsync("/auth/sign-in", new { email, password });
        var cookie = cookieSignIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var tokenSignIn = await client.PostAsJsonAsync("/auth/sign-in?token=true", new { email, password });
        var token = (await tokenSignIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        return (token, cookie);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(string path, string? token = null, string? cookie = null,
        string query = Viewer)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = path == "/graphql"
            ? new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { query }) }
            : new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{path} answered {(int)response.StatusCode} with an empty body.");
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertUnavailable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
    }

    [Fact]
    public async Task Signed_in_requests_during_an_outage_get_503_with_a_typed_body_and_the_outage_is_logged_once()
    {
        var (token, cookie) = await SignInBothWaysAsync();
        var (before, _) = await SendAsync("/graphql", token: token);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var errorsBefore = factory.Log.Entries.Count(e => e.Level >= LogLevel.Error);

        factory.Proxy.GoDown();
        const int rounds = 10;
        for (var i = 0; i < rounds; i++)
        {
            foreach (var credentials in new[] { (token, (string?)null), (null, cookie) })
            {
                var (graphql, graphqlBody) = await SendAsync("/graphql", credentials.Item1, credentials.Item2);
                AssertUnavailable(graphql);
                Assert.Equal("SERVICE_UNAVAILABLE", graphqlBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

                var (me, meBody) = await SendAsync("/auth/me", credentials.Item1, credentials.Item2);
                AssertUnavailable(me);
                Assert.Equal("SERVICE_UNAVAILABLE", meBody.GetProperty("errors")[0].GetProperty("code").GetString());
            }
        }
        // Anonymous GraphQL reaches the database in a resolver, not in authentication: the same answer.
        var (anonymous, anonymousBody) = await SendAsync("/graphql", query: "{ places(first: 1) { totalCount } }");
        AssertUnavailable(anonymous);
        Assert.Equal("SERVICE_UNAVAILABLE", anonymousBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var errors = factory.Log.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count - errorsBefore == 1,
            $"Expected one error entry for {(4 * rounds) + 1} failed requests, got {errors.Count - errorsBefore}: "
            + string.Join(" | ", errors.Select(e => e.Category + ": " + e.Message)));
        Assert.NotNull(errors[^1].Exception);

        factory.Proxy.ComeBack();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!factory.Log.Entries.Any(e => e.Message.StartsWith("Database reachable again", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The server did not log that the database is reachable again.");
            await Task.Delay(100);
        }
        var recovered = factory.Log.Entries.Single(e => e.Message.StartsWith("Database reachable again", StringComparison.Ordinal));
        Assert.Contains($"{(4 * rounds) + 1} request(s) failed meanwhile", recovered.Message, StringComparison.Ordinal);
        var (after, afterBody) = await SendAsync("/graphql", token: token);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(JsonValueKind.Object, afterBody.GetProperty("data").GetProperty("viewer").ValueKind);
        var (afterCookie, _) = await SendAsync("/auth/me", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, afterCookie.StatusCode);
    }
}
