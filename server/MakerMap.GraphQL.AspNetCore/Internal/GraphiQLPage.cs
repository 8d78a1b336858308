using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace MakerMap.GraphQL.AspNetCore.Internal;

/// <summary>
/// The GraphiQL page and its assets. The assets are npm packages' own prebuilt browser bundles, copied by
/// <c>scripts/build-graphiql.sh</c> and embedded in this assembly, so the page works without any CDN.
/// </summary>
internal static class GraphiQLPage
{
    private static readonly Assembly Assembly = typeof(GraphiQLPage).Assembly;

    private static readonly string[] Scripts =
    [
        "react.production.min.js",
        "react-dom.production.min.js",
        "graphql-ws.min.js",
        "graphiql.min.js",
        "graphiql-init.js",
    ];

    /// <summary>True when the build embedded the bundles (scripts/build-graphiql.sh ran before the build).</summary>
    public static bool AssetsAvailable { get; } = Assembly.GetManifestResourceInfo("GraphiQL/graphiql.min.js") is not null;

    public static async Task WriteAsync(HttpContext context, string assetsPath)
    {
        var endpoint = WebUtility.HtmlEncode(context.Request.PathBase.Add(context.Request.Path).Value ?? "/");
        var assets = WebUtility.HtmlEncode(context.Request.PathBase.Add(assetsPath).Value);
        var body = AssetsAvailable
            ? $"""
              <div id="graphiql" data-endpoint="{endpoint}">Loading GraphiQL…</div>
              {string.Concat(Scripts.Select(s => $"""<script src="{assets}/{s}"></script>"""))}
              """
            : """<p>The GraphiQL assets were not built into this server. Run <code>scripts/build-graphiql.sh</code>, then build again.</p>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>GraphiQL</title>
              <link rel="stylesheet" href="{{assets}}/graphiql.min.css">
              <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
            </head>
            <body>
            {{body}}
            </body>
            </html>
            """;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Serves one embedded asset by file name; 404 for anything else.</summary>
    public static async Task WriteAssetAsync(HttpContext context, string? file)
    {
        var stream = file is null ? null : Assembly.GetManifestResourceStream("GraphiQL/" + file);
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            context.Response.ContentType = file!.EndsWith(".css", StringComparison.Ordinal)
                ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8";
            context.Response.ContentLength = stream.Length;
            context.Response.Headers.CacheControl = "public, max-age=3600";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
