using MakerMap.Api.Auth;
using MakerMap.Api.Schema;
using MakerMap.GraphQL;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>
/// The real server on a throw-away migrated database, as <see cref="MakerMapApiFactory"/>, plus the
/// GraphQL API and sign-in when Program.cs does not register them yet: then the same
/// registrations Program.cs will make are added here (services, then a startup filter that maps
/// <c>/graphql</c> and <c>/auth</c>). Once Program.cs calls them, this adds nothing.
/// </summary>
public sealed class GraphQLApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString);
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            var needsAuth = !services.Any(d => d.ServiceType == typeof(AccessTokenService));
            var needsGraphQL = !services.Any(d => d.ServiceType == typeof(GraphQLEngine));
            if (needsAuth)
            {
                // AddMakerMapAuth extends WebApplicationBuilder: run it on a scratch builder and keep what it added.
                var scratch = WebApplication.CreateBuilder();
                var before = scratch.Services.Count;
                scratch.AddMakerMapAuth();
                foreach (var descriptor in scratch.Services.Skip(before))
                {
                    services.Add(descriptor);
                }
            }
            if (needsGraphQL)
            {
                services.AddMakerMapGraphQL();
                services.AddSingleton<IStartupFilter>(new MapGraphQLFilter(needsAuth));
            }
        });
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class MapGraphQLFilter(bool mapAuth) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseAuthentication();
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                endpoints.MapMakerMapGraphQL();
                if (mapAuth)
                {
                    endpoints.MapAuthEndpoints();
                }
            });
            next(app);
        };
    }
}
