using MakerMap.Api.Hosting;
using MakerMap.GraphQL.AspNetCore;
using Microsoft.Net.Http.Headers;

namespace MakerMap.Api.Auth;

/// <summary>
/// Refuses cross-site requests that change state outside GraphQL (<c>/auth/sign-in</c>, <c>sign-up</c>,
/// <c>sign-out</c> and any other POST, PUT, PATCH or DELETE), and WebSocket upgrades from foreign pages, with 403
/// <c>CROSS_SITE_REQUEST</c>. The session cookie's <c>SameSite=Lax</c> is the first defence; this one does not
/// depend on the browser's cookie policy. Allowed: the server's own origin plus <c>MakerMap:AllowedOrigins</c>.
/// </summary>
/// <remarks>
/// <c>/graphql</c> is left to its transport: a POST must be <c>application/json</c>, which a cross-site form cannot
/// send and a cross-site script can only send after a CORS preflight the server never grants, and GET runs queries only.
/// </remarks>
public static class CrossSiteProtection
{
    /// <summary>The configuration key of the extra allowed origins, e.g. <c>MakerMap:AllowedOrigins:0=https://map.example.org</c>.</summary>
    public const string Section = "MakerMap:AllowedOrigins";

    /// <summary>The error code of refused requests.</summary>
    public const string CrossSiteRequest = "CROSS_SITE_REQUEST";

    // The content types a page may POST to another site without a CORS preflight (HTML forms, text/plain fetches).
    private static readonly string[] SimpleContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    /// <summary>Reads the allowed origins and hands them to the WebSocket transport as well.</summary>
    /// <exception cref="InvalidOperationException">A listed origin is not <c>http(s)://host[:port]</c>.</exception>
    public static WebApplicationBuilder AddMakerMapCrossSiteProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var origins = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.AbsolutePath != "/"
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{Section}: \"{origin}\" is not an origin such as https://map.example.org.");
            }
        }
        builder.Services.AddSingleton(new AllowedOrigins(origins));
        builder.Services.Configure<GraphQLHttpOptions>(options =>
        {
            foreach (var origin in origins)
            {
                options.AllowedWebSocketOrigins.Add(origin);
            }
        });
        return builder;
    }

    /// <summary>Adds the check for requests outside <c>/graphql</c>; call before authentication.</summary>
    public static WebApplication UseMakerMapCrossSiteProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var allowed = app.Services.GetRequiredService<AllowedOrigins>().Origins;
        app.Use(async (context, next) =>
        {
            if (ChangesState(context.Request) && !context.Request.Path.StartsWithSegments("/graphql") && IsCrossSite(context.Request, allowed))
            {
                await FailureResponses.WriteAsync(context, StatusCodes.Status403Forbidden, CrossSiteRequest,
                    "This request must come from this site's own pages.").ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method));

    /// <summary>
    /// A request with an <c>Origin</c> must come from an allowed one. Without it (non-browser clients, or a very old
    /// browser): refused when <c>Sec-Fetch-Site</c> says another site, or when the body is of a type an HTML form
    /// could have sent from anywhere.
    /// </summary>
    internal static bool IsCrossSite(HttpRequest request, IReadOnlyList<string> allowed)
    {
        if (RequestOrigin.Of(request) is { } origin)
        {
            return !RequestOrigin.IsAllowed(request, origin, allowed);
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && SimpleContentTypes.Any(simple => type.MediaType.Equals(simple, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The origins allowed besides the server's own.</summary>
    internal sealed record AllowedOrigins(IReadOnlyList<string> Origins);
}
