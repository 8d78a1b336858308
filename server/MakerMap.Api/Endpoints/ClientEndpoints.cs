using MakerMap.Api.Options;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Hosts the built map client (<c>map-client/dist</c>) at <c>/</c>: hashed <c>/assets/*</c> cached for a
/// year, <c>index.html</c> revalidated on every load, and any other path that is not the server's own
/// (<see cref="ServerPrefixes"/>) answered with <c>index.html</c> so the client's routes survive a reload.
/// Also <c>/client-config.json</c>, the client's run-time settings (the base map it should use and the credits).
/// </summary>
internal static class ClientEndpoints
{
    /// <summary>Paths the server owns: a miss below them is a 404, never the client's index.html.</summary>
    public static readonly string[] ServerPrefixes = ["/graphql", "/tiles", "/basemap", "/export", "/calendar", "/auth", "/healthz", "/metrics"];

    private const string ImmutableCache = "public, max-age=31536000, immutable";
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    private static readonly CompressedClientFiles Compressed = new();

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Vite emits MapLibre's worker as an ES module (.mjs); browsers insist on a JavaScript type for it
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }

    public static WebApplication MapClientEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Client").Get<ClientOptions>() ?? new ClientOptions();
        var root = options.ResolvePath(app.Environment.ContentRootPath);
        var pmtilesUrl = BasemapEndpoints.ConfiguredArchiveUrl(app.Configuration);
        app.MapGet("/client-config.json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new ClientConfig(
                string.IsNullOrWhiteSpace(options.ExternalBaseMapStyleUrl) ? null : options.ExternalBaseMapStyleUrl,
                pmtilesUrl,
                Attribution.All));
        }).WithName("ClientConfig");
        app.MapMethods("/assets/{**file}", GetAndHead, (HttpContext context, string file) =>
            ServeFile(context, root, "assets/" + file, ImmutableCache) ?? Results.NotFound()).WithName("ClientAssets");
        // a fallback as MapFallback builds one (last in order), but GET/HEAD only, so that other methods on the
        // server's own paths still get their 405, and "{**path}" because a client route may contain a dot
        app.MapMethods("{**path}", GetAndHead, (HttpContext context, string? path) => Fallback(context, root, path ?? ""))
            .WithName("ClientFallback")
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return app;
    }

    private static IResult Fallback(HttpContext context, string root, string path)
    {
        if (IsServerPath(context.Request.Path))
        {
            return Results.NotFound();
        }
        // top-level files from the client's public/ folder (favicon.ico, robots.txt) may change: revalidate
        if (path.Length > 0 && ServeFile(context, root, path, "no-cache") is { } file)
        {
            return file;
        }
        return ServeFile(context, root, "index.html", "no-cache") ?? MissingClientPage(context, root);
    }

    private static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file under <paramref name="root"/>, or null when it does not exist or escapes the folder.</summary>
    private static IResult? ServeFile(HttpContext context, string root, string relativePath, string cacheControl)
    {
        var fullRoot = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        var fullPath = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        if (!fullPath.StartsWith(fullRoot, StringComparison.Ordinal) || !File.Exists(fullPath))
        {
            return null;
        }
        var info = new FileInfo(fullPath);
        if (!ContentTypes.TryGetContentType(fullPath, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        // size and time stamp change with every build: enough for a revalidating browser to get its 304
        var version = $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}";
        var compressible = CompressedClientFiles.IsCompressible(contentType, info.Length);
        if (compressible)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }
        if ((compressible ? ContentCoding.Choose(context.Request) : null) is not { } encoding)
        {
            return Results.File(fullPath, contentType, lastModified: info.LastWriteTimeUtc, entityTag: new EntityTagHeaderValue($"\"{version}\""));
        }
        headers.ContentEncoding = encoding;
        return Results.Bytes(Compressed.Get(fullPath, info.LastWriteTimeUtc.Ticks, encoding), contentType,
            lastModified: info.LastWriteTimeUtc, entityTag: new EntityTagHeaderValue($"\"{version}-{encoding}\""));
    }

    private static IResult MissingClientPage(HttpContext context, string root)
    {
        context.Response.Headers.CacheControl = "no-cache";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>MakerMap: map client not built</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
            <h1>MakerMap</h1>
            <p>The server runs, but the map client has not been built: there is no <code>index.html</code> in
            <code>{{System.Net.WebUtility.HtmlEncode(root)}}</code>.</p>
            <p>Build it with <code>scripts/build-client.sh</code> (or start everything with <code>scripts/run.sh</code>),
            or point the server at a built client with the setting <code>Client:Path</code>
            (environment variable <code>Client__Path</code>).</p>
            <p>The API is available meanwhile: <a href="/graphql">/graphql</a>, <a href="/healthz">/healthz</a>,
            <a href="/export/places.geojson">/export/places.geojson</a>.</p>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The client's settings; <c>BaseMapPmtilesUrl</c> is the server's own PMTiles archive (a path on this origin).</summary>
    private sealed record ClientConfig(string? ExternalBaseMapStyleUrl, string? BaseMapPmtilesUrl, string Attribution);
}
