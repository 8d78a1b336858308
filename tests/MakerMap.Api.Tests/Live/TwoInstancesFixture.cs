using MakerMap.Api.Live;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.Live;

/// <summary>One server instance of several sharing a database, as behind a load balancer.</summary>
public sealed class SharedDatabaseFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    public LiveChangeHub Hub => Services.GetRequiredService<LiveChangeHub>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", database.ConnectionString);
        builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        // tests sign in far more often from one address than a person would; RateLimitTests set real limits
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
        builder.UseEnvironment("Testing");
    }

    /// <summary>Waits until this instance listens and holds <paramref name="count"/> subscriptions.</summary>
    public async Task WaitForSubscribersAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(Hub.IsListening && Hub.SubscriberCount == count))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Expected {count} subscriber(s) on a listening instance; have {Hub.SubscriberCount}, listening: {Hub.IsListening}.");
            await Task.Delay(20);
        }
    }
}

/// <summary>Two server instances (A and B) on one throw-away database.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public SharedDatabaseFactory A { get; private set; } = null!;

    public SharedDatabaseFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        A = new SharedDatabaseFactory(Database);
        B = new SharedDatabaseFactory(Database);
        // Start both hosts (and their listeners) now rather than at a test's first request.
        _ = A.Server;
        _ = B.Server;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
