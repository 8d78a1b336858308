using Microsoft.AspNetCore.Cors.Infrastructure;

namespace MakerMap.Api.Hosting;

/// <summary>
/// CORS for the public read endpoints, so maps and notebooks on other sites can use them: tiles and
/// TileJSON, the PMTiles base map (range requests), the exports, place calendar feeds and <c>GET /graphql</c>. Any origin by default
/// (<c>Access-Control-Allow-Origin: *</c>), or the origins listed in <c>MakerMap:Cors:PublicOrigins</c>;
/// never with credentials, so a browser sends no cookie with such a request and shows no cookie
/// holder's answer to another site. Preflights are answered for GET and HEAD only: a cross-site
/// <c>POST /graphql</c> still gets no CORS grant (see <see cref="Auth.CrossSiteProtection"/>), and the
/// organisation feeds (secret links) and <c>/auth</c> get none at all.
/// </summary>
internal static class PublicCors
{
    /// <summary>The configuration key of the allowed origins; <c>*</c> (the default) means any.</summary>
    public const string Section = "MakerMap:Cors:PublicOrigins";

    private static readonly string[] PublicPrefixes = ["/tiles", "/basemap", "/export", "/calendar/places", "/calendar/sessions", "/graphql"];

    public static WebApplicationBuilder AddMakerMapPublicCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(Section).Get<string[]>() ?? ["*"];
        foreach (var origin in origins.Where(o => o != "*"))
        {
            if (!Uri.TryCreate(origin.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.AbsolutePath != "/"
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{Section}: \"{origin}\" is not \"*\" or an origin such as https://map.example.org.");
            }
        }
        var policy = new CorsPolicyBuilder()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("Accept", "Authorization", "If-None-Match", "Content-Type", "Range", "If-Range")
            // a PMTiles reader on another site reads ranges of /basemap and checks that the archive did not change
            .WithExposedHeaders("ETag", "Content-Disposition", "Retry-After", "Content-Range", "Accept-Ranges")
            .SetPreflightMaxAge(TimeSpan.FromHours(1));
        policy = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins.Select(o => o.TrimEnd('/'))]);
        builder.Services.AddCors();
        builder.Services.AddSingleton<ICorsPolicyProvider>(new PublicReadPolicyProvider(policy.Build()));
        return builder;
    }

    /// <summary>Answers preflights and adds the CORS headers; call early, before the cross-site check.</summary>
    public static WebApplication UseMakerMapPublicCors(this WebApplication app)
    {
        app.UseCors();
        return app;
    }

    /// <summary>The public policy for GET and HEAD (or a preflight asking for them) below a public path; none otherwise.</summary>
    private sealed class PublicReadPolicyProvider(CorsPolicy policy) : ICorsPolicyProvider
    {
        public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        {
            var request = context.Request;
            var method = HttpMethods.IsOptions(request.Method)
                ? request.Headers.AccessControlRequestMethod.ToString()
                : request.Method;
            var isPublic = (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
                && PublicPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
            return Task.FromResult(isPublic ? policy : null);
        }
    }
}
