using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>
/// The real server (Program, which maps /graphql and /auth) on a throw-away migrated database, as
/// <see cref="MakerMapApiFactory"/>; one database per test class.
/// </summary>
public sealed class GraphQLApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString);
        // tests sign in far more often from one address than a person would; RateLimitTests set real limits
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
        // the same for requests in progress per client: tests race 50 requests from one account on purpose
        builder.UseSetting("MakerMap:RequestLimits:AnonymousConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AuthenticatedConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AnonymousRequestsPerSecond", "0");
        builder.UseEnvironment("Testing");
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
