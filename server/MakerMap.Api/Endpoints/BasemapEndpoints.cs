using MakerMap.Api.Options;
using Microsoft.Net.Http.Headers;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// The operator's PMTiles base map (<c>Basemap:PmtilesPath</c>) at <see cref="ArchivePath"/>, for the
/// map client's <c>pmtiles://</c> protocol, which reads the archive by HTTP range requests: a header
/// and root directory first, then one range per tile. ASP.NET Core's file result does the range and
/// conditional handling (206 with <c>Content-Range</c>, 416 past the end, <c>If-Range</c>,
/// <c>If-None-Match</c>); a request for several ranges gets the whole file, which RFC 9110 allows.
/// </summary>
internal static class BasemapEndpoints
{
    /// <summary>Where the archive is served, whatever its file is called.</summary>
    public const string ArchivePath = "/basemap/basemap.pmtiles";

    /// <summary>The media type the PMTiles specification recommends.</summary>
    private const string PmtilesContentType = "application/vnd.pmtiles";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication MapBasemapEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection(BasemapOptions.Section).Get<BasemapOptions>() ?? new BasemapOptions();
        if (options.ResolvePmtilesPath(app.Environment.ContentRootPath) is not { } archive)
        {
            return app;
        }
        app.MapMethods(ArchivePath, GetAndHead, (HttpContext context) => ServeArchive(context, archive)).WithName("BasemapArchive");
        return app;
    }

    /// <summary>The client's configuration entry: the archive's URL when one is configured.</summary>
    public static string? ConfiguredArchiveUrl(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetSection(BasemapOptions.Section).Get<BasemapOptions>()?.PmtilesPath) ? null : ArchivePath;

    /// <summary>
    /// RFC 9110 §14.2: a Range in a unit the server does not know is ignored; ASP.NET Core's range
    /// parser reads <c>items=0-10</c> as bytes, so such a header is removed before it looks.
    /// </summary>
    private static void IgnoreRangesInOtherUnits(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        if (range.Length > 0 && !range.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Remove(HeaderNames.Range);
        }
    }

    private static IResult ServeArchive(HttpContext context, string archive)
    {
        // looked up per request, so an archive built (or rebuilt) while the server runs is served as it is now;
        // a missing one is a plain 404, which the client answers with its built-in base map
        var info = new FileInfo(archive);
        if (!info.Exists)
        {
            return Results.NotFound();
        }
        // a rebuilt archive gets a new validator: If-Range then sends the whole new file rather than a
        // piece of it, and the pmtiles client, which compares ETags between requests, starts over
        context.Response.Headers.CacheControl = "public, max-age=300";
        IgnoreRangesInOtherUnits(context.Request);
        var version = $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"";
        return Results.File(archive, PmtilesContentType, lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue(version), enableRangeProcessing: true);
    }
}
