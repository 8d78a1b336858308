using MakerMap.GraphQL.Tests.Conformance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakerMap.GraphQL.AspNetCore.Tests.TestHost;

/// <summary>
/// A minimal host serving the shared conformance schema at /graphql: in memory (TestServer) for most tests, or on
/// real Kestrel at 127.0.0.1 with a random port for the Node clients (graphql-http audit, graphql-ws).
/// </summary>
public sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestHost(WebApplication app, Uri? baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The Kestrel address (http://127.0.0.1:port), or null for an in-memory host.</summary>
    public Uri? BaseAddress { get; }

    public TestServer TestServer => _app.GetTestServer();

    public static async Task<GraphQLTestHost> StartAsync(bool kestrel = false, Action<GraphQLHttpOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton(TestSchema.CreateEngine());
        builder.Services.Configure<GraphQLHttpOptions>(options =>
        {
            options.UserContextFactory = _ => TestSchema.CreateState();
            configure?.Invoke(options);
        });

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        await app.StartAsync().ConfigureAwait(false);

        Uri? address = null;
        if (kestrel)
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            address = new Uri(addresses.Addresses.First());
        }

        return new GraphQLTestHost(app, address);
    }

    public HttpClient CreateClient() =>
        BaseAddress is null ? TestServer.CreateClient() : new HttpClient { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
