using MakerMap.GraphQL.AspNetCore.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerMap.GraphQL.AspNetCore;

/// <summary>Maps the GraphQL endpoint: GraphQL over HTTP, the GraphiQL page and <c>graphql-transport-ws</c> subscriptions.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GraphQL at <paramref name="pattern"/> with the <see cref="GraphQLEngine"/> registered in the container and
    /// the <see cref="GraphQLHttpOptions"/> configured with <c>services.Configure&lt;GraphQLHttpOptions&gt;(…)</c>.
    /// WebSocket subscriptions need <c>app.UseWebSockets()</c> before routing reaches this endpoint.
    /// The GraphiQL assets are served under <c>{pattern}/graphiql/</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new ArgumentException("The pattern must start with '/'.", nameof(pattern));
        }

        var services = endpoints.ServiceProvider;
        var engine = services.GetService<GraphQLEngine>()
            ?? throw new InvalidOperationException(
                "MapGraphQL needs a GraphQLEngine in the service container: register one with services.AddSingleton(new GraphQLEngine(schema)).");
        var options = services.GetService<IOptions<GraphQLHttpOptions>>()?.Value ?? new GraphQLHttpOptions();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("MakerMap.GraphQL.AspNetCore") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        var assetsPath = pattern.TrimEnd('/') + "/graphiql";
        var handler = new GraphQLHttpHandler(engine, options, assetsPath, logger);
        var main = endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
        var assets = endpoints.MapGet(assetsPath + "/{file}", (HttpContext context, string file) => GraphiQLPage.WriteAssetAsync(context, file))
            .WithDisplayName("GraphiQL assets " + assetsPath)
            .ExcludeFromDescription();
        return new CompositeConventionBuilder([main, assets]);
    }

    private sealed class CompositeConventionBuilder(IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
