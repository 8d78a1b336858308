using System.Net;
using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 12, item 11: small requests that asked for unbounded work. Costly documents are refused before
/// execution, a client has a bounded number of requests in progress, one request takes a few pooled
/// connections, and a pool that runs dry answers the retryable <c>SERVICE_BUSY</c>.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12RequestLimitTests
{
    private static string Aliases(int count, int first, string selection = "distanceMeters place { id name }") =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"a{i}: nearestPlaces(near: {{longitude: 3.72, latitude: 51.05}}, first: {first}) {{ {selection} }} ")) + "}";

    [Fact]
    public async Task NearestPlaces_with_200_aliases_of_first_100_is_QUERY_TOO_COSTLY_before_execution()
    {
        await using var factory = await LimitsFactory.StartAsync();
        var client = new GraphQLTestClient(factory, factory.Database);

        var response = await client.PostAsync(Aliases(200, 100));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_COSTLY", response.FirstErrorCode);
        var extensions = response.FirstError.GetProperty("extensions");
        // 200 × (nearestPlaces + 100 × (distanceMeters + place + id + name))
        Assert.Equal(200 * (1 + (100 * 4)), extensions.GetProperty("cost").GetInt32());
        Assert.Equal(10_000, extensions.GetProperty("maxCost").GetInt32());
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_client_over_its_concurrency_limit_gets_429_with_Retry_After_while_a_signed_in_caller_is_served()
    {
        await using var factory = await LimitsFactory.StartAsync(("MakerMap:RequestLimits:AnonymousConcurrency", "1"), ("MakerMap:RequestLimits:QueueLimit", "0"));
        var client = new GraphQLTestClient(factory, factory.Database);
        var (_, token) = await client.SignUpAsync();
        await using var blocker = await LockPlacesAsync(factory.Database);

        var slow = client.PostAsync(Aliases(1, 1));
        await WaitUntilBlockedAsync(factory.Database);
        using var http = factory.CreateClient();
        using var refused = await http.PostAsync("/graphql", JsonBody("{ __typename }"));
        var signedIn = await client.PostAsync("{ __typename }", token: token);
        await blocker.RollbackAsync();
        var first = await slow;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.False(first.HasErrors, first.Body.ToString());
    }

    [Fact]
    public async Task Many_aliases_take_a_few_pooled_connections_so_the_request_and_another_user_are_served()
    {
        // a pool of 6 that gives up after 1 s: without the per-request gate the 40 root fields ask for 40
        // connections at once and every one that waits longer than that fails
        await using var factory = await LimitsFactory.StartAsync(connectionSuffix: ";Maximum Pool Size=6;Timeout=1");
        var client = new GraphQLTestClient(factory, factory.Database);
        await using var blocker = await LockPlacesAsync(factory.Database);

        var many = client.PostAsync(Aliases(40, 1));
        await WaitUntilBlockedAsync(factory.Database);
        await Task.Delay(1500);
        var other = await client.PostAsync("{ areas(search: \"Gent\") { code } }");
        await blocker.RollbackAsync();
        var response = await many;

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(40, response.Data.EnumerateObject().Count());
        Assert.False(other.HasErrors, other.Body.ToString());
    }

    [Fact]
    public async Task An_exhausted_pool_is_the_retryable_SERVICE_BUSY_not_INTERNAL_SERVER_ERROR()
    {
        await using var factory = await LimitsFactory.StartAsync(("MakerMap:RequestLimits:DatabaseConcurrencyPerRequest", "8"),
            connectionSuffix: ";Maximum Pool Size=2;Timeout=1");
        var client = new GraphQLTestClient(factory, factory.Database);
        await using var blocker = await LockPlacesAsync(factory.Database);

        var blocked = client.PostAsync(Aliases(2, 1));
        await WaitUntilBlockedAsync(factory.Database);
        var busy = await client.PostAsync("{ areas(search: \"Gent\") { code } }");
        await blocker.RollbackAsync();
        await blocked;

        Assert.Equal("SERVICE_BUSY", busy.FirstErrorCode);
        Assert.True(busy.FirstError.GetProperty("extensions").GetProperty("retryable").GetBoolean());
        Assert.Equal("The database is busy; retry in a moment.", busy.FirstError.GetProperty("message").GetString());
    }

    private static StringContent JsonBody(string query) =>
        new(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");

    // A transaction that holds an exclusive lock on places, so every nearestPlaces waits for it.
    private static async Task<NpgsqlTransaction> LockPlacesAsync(TestDatabase database)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE places IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task WaitUntilBlockedAsync(TestDatabase database)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await database.Data.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("No request came to wait for the lock on places.");
    }

    /// <summary>The real server with settings of its own, on its own database; started by one of the <c>StartAsync</c> overloads.</summary>
    private sealed class LimitsFactory(string connectionSuffix, (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        public TestDatabase Database { get; } = new();

        public static async Task<LimitsFactory> StartAsync(params (string Key, string Value)[] settings) => await StartAsync(settings, "");

        public static async Task<LimitsFactory> StartAsync((string Key, string Value) setting, string connectionSuffix) =>
            await StartAsync([setting], connectionSuffix);

        public static async Task<LimitsFactory> StartAsync(string connectionSuffix) => await StartAsync([], connectionSuffix);

        private static async Task<LimitsFactory> StartAsync((string Key, string Value)[] settings, string connectionSuffix)
        {
            var factory = new LimitsFactory(connectionSuffix, settings);
            await factory.Database.InitializeAsync();
            await factory.Database.Data.PlaceAsync(3.72, 51.05);
            return factory;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString + connectionSuffix);
            builder.UseSetting("MakerMap:Jobs:Enabled", "false");
            builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
            builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.UseEnvironment("Testing");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
