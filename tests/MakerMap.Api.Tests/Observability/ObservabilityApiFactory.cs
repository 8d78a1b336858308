using System.Net;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.Observability;

/// <summary>
/// The real server on a throw-away database, where each request comes from the address in its
/// <see cref="RemoteAddressHeader"/> header (127.0.0.1 without one): the TestServer has no socket, so no peer address.
/// </summary>
public sealed class ObservabilityApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString);
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", "100000");
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", "100000");
        builder.UseSetting("MakerMap:RequestLimits:AnonymousConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AuthenticatedConcurrency", "1000");
        builder.UseSetting("MakerMap:RequestLimits:AnonymousRequestsPerSecond", "0");
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteAddressHeader, out var value)
                    ? IPAddress.Parse(value.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
