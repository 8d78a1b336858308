using MakerMap.Api.Auth;
using MakerMap.Api.Hosting;
using MakerMap.Api.Options;
using MakerMap.GraphQL;
using MakerMap.GraphQL.AspNetCore;
using MakerMap.GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Schema;

/// <summary>Registers the MakerMap GraphQL API (schema, engine, data services) and maps it at <c>/graphql</c>.</summary>
public static class GraphQLRegistration
{
    /// <summary>Puts the query text on operation spans as <c>graphql.document</c> (off: literal arguments may be personal data).</summary>
    public const string RecordDocumentSetting = "MakerMap:Tracing:RecordGraphQLDocument";

    /// <summary>
    /// Adds the engine for <see cref="MakerMapSchema"/> and the services its resolvers use. Call after
    /// <c>AddMakerMapDatabase()</c> and <c>AddMakerMapAuth()</c>.
    /// </summary>
    public static WebApplicationBuilder AddMakerMapGraphQL(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMakerMapGraphQL();
        return builder;
    }

    /// <summary>The same as <see cref="AddMakerMapGraphQL(WebApplicationBuilder)"/> on a service collection.</summary>
    public static IServiceCollection AddMakerMapGraphQL(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        services.AddMakerMapData();
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<GraphStore>();
        services.TryAddSingleton<PlaceSearch>();
        services.TryAddSingleton<CoverageReportBuilder>();
        services.TryAddSingleton<BookingPages>();
        services.TryAddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("MakerMap.Api.Schema");
            var outage = sp.GetRequiredService<DatabaseOutage>();
            var limits = sp.GetService<IOptions<RequestLimitsOptions>>()?.Value ?? new RequestLimitsOptions();
            return new GraphQLEngine(MakerMapSchema.Build(limits.DatabaseConcurrencyPerRequest), new GraphQLEngineOptions
            {
                Validation = ValidationOptions.Default with { MaxCost = limits.MaxCost },
                // an exhausted pool or a statement timeout: the retryable SERVICE_BUSY
                MapException = DatabaseGate.MapException,
                RecordDocumentInTraces = sp.GetRequiredService<IConfiguration>().GetValue<bool>(RecordDocumentSetting),
                // An outage fails every resolver of every request: counted once per incident, not a stack trace each.
                OnUnexpectedError = (exception, path) =>
                {
                    if (DatabaseOutage.IsOutage(exception))
                    {
                        outage.ReportFailure(exception);
                    }
                    else
                    {
                        logger.LogError(exception, "Resolver failed at {Path}", path);
                    }
                },
            });
        });
        // The transport hands outages to FailureResponses, which answers 503 SERVICE_UNAVAILABLE with Retry-After.
        services.Configure<GraphQLHttpOptions>(options => options.IsServiceUnavailable = DatabaseOutage.IsOutage);
        return services;
    }

    /// <summary>
    /// Maps GraphQL over HTTP, the GraphiQL page and WebSocket subscriptions at <c>/graphql</c>. Call after
    /// <c>app.UseAuthentication()</c> (resolvers see <c>HttpContext.User</c>) and <c>app.UseWebSockets()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapMakerMapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGraphQL("/graphql");
    }
}
