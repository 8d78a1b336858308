using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests;

/// <summary>
/// The real server (Program) on a throw-away, migrated PostGIS database. The server migrates at
/// start-up itself, as in production; the fixture's own migration makes that a no-op.
/// </summary>
public sealed class MakerMapApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>Overrides the connection string, e.g. to point at a database that does not exist.</summary>
    public string? ConnectionStringOverride { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", ConnectionStringOverride ?? Database.ConnectionString);
        // the scheduler has its own tests (Jobs/); request tests must not race its jobs
        builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        // tests sign in far more often from one address than a person would; RateLimitTests set real limits
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
        // the same for requests in progress per client: tests race 50 requests from one account on purpose
        builder.UseSetting("MakerMap:RequestLimits:AnonymousConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AuthenticatedConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AnonymousRequestsPerSecond", "0");
        // tests add areas between requests for the same tile; the cache has its own test
        builder.UseSetting("Tiles:AreaCacheMinutes", "0");
        // the same for TileJSON bounds, which must cover places added by a test
        builder.UseSetting("Tiles:BoundsCacheMinutes", "0");
        builder.UseEnvironment("Testing");
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
