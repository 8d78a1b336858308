using Microsoft.AspNetCore.Http;

namespace MakerMap.GraphQL.AspNetCore;

/// <summary>
/// Options of the GraphQL endpoint mapped by
/// <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string)"/>:
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/), the GraphiQL page and
/// subscriptions over WebSocket with the <c>graphql-transport-ws</c> protocol.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>
    /// When a client accepts <c>application/graphql-response+json</c>, answer parse and validation failures with
    /// 422 Unprocessable Content (the GraphQL-over-HTTP draft's alternative) instead of the default 400.
    /// </summary>
    public bool UseUnprocessableContentForDocumentErrors { get; set; }

    /// <summary>Serve query operations on GET (never mutations). On by default.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Serve the GraphiQL page to browsers (GET with <c>Accept: text/html</c>). On by default.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>Accept WebSocket upgrades with the <c>graphql-transport-ws</c> subprotocol. On by default.</summary>
    public bool EnableWebSockets { get; set; } = true;

    /// <summary>
    /// Origins, besides the server's own, whose pages may open a WebSocket (e.g. <c>https://map.example.org</c>).
    /// A browser sends the session cookie with a WebSocket handshake from any site and the Same-Origin Policy does
    /// not apply to WebSockets, so an upgrade whose <c>Origin</c> is neither is refused with 403
    /// (<c>CROSS_SITE_REQUEST</c>). Upgrades without <c>Origin</c> (non-browser clients) are accepted.
    /// </summary>
    public IList<string> AllowedWebSocketOrigins { get; } = [];

    /// <summary>Largest accepted POST body in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public int MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Largest accepted WebSocket message in bytes; larger ones close the socket with 1009. Default 1 MiB.</summary>
    public int MaxWebSocketMessageSize { get; set; } = 1024 * 1024;

    /// <summary>How long a WebSocket client has to send <c>connection_init</c> before the server closes with 4408. Default 3 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Most operations one WebSocket connection may run at once; a further <c>subscribe</c> gets an error. Default 100.</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>
    /// Decides whether a WebSocket connection is accepted, given its <c>connection_init</c> payload. Returning
    /// false closes the socket with 4403 Forbidden. Null accepts every connection.
    /// </summary>
    public Func<GraphQLWebSocketInitContext, ValueTask<bool>>? OnConnect { get; set; }

    /// <summary>
    /// Recognises exceptions that mean something the server depends on (its database) is unavailable. Such an
    /// exception, whether thrown while handling the request or by a resolver, is not answered here as a 500 or a
    /// field error but rethrown to the application's pipeline, which answers it (e.g. 503 with <c>Retry-After</c>)
    /// and logs it once per outage. Null treats every exception as unexpected.
    /// </summary>
    public Func<Exception, bool>? IsServiceUnavailable { get; set; }

    /// <summary>Creates the per-request user context passed to resolvers; by default the request's <see cref="HttpContext.User"/>.</summary>
    public Func<HttpContext, object?>? UserContextFactory { get; set; }
}

/// <summary>What <see cref="GraphQLHttpOptions.OnConnect"/> sees of a WebSocket connection being initialised.</summary>
/// <param name="HttpContext">The upgrade request.</param>
/// <param name="Payload">The <c>connection_init</c> payload, or null when the client sent none.</param>
public sealed record GraphQLWebSocketInitContext(HttpContext HttpContext, IReadOnlyDictionary<string, object?>? Payload);
