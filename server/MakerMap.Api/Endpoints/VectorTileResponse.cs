using Microsoft.Net.Http.Headers;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Writes a tile with a strong ETag (a hash of its bytes), answers a matching If-None-Match with 304,
/// and compresses with Brotli or gzip when the client accepts it. Tiles are compressed here rather
/// than by the response-compression middleware so that the ETag names each encoding apart (a strong
/// validator must differ between representations), cached tiles are compressed only once, and no
/// other endpoint changes behaviour.
/// </summary>
internal static class VectorTileResponse
{
    public static IResult Write(HttpContext context, EncodedTile tile, string contentType)
    {
        var encoding = ContentCoding.Choose(context.Request);
        var headers = context.Response.Headers;
        headers.ETag = encoding is null ? $"\"{tile.Hash}\"" : $"\"{tile.Hash}-{encoding}\"";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (Matches(context.Request, tile.Hash))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }
        return Results.Bytes(tile.Encoded(encoding), contentType);
    }

    /// <summary>
    /// Whether If-None-Match names this tile in any encoding: the bytes are the same tile, and proxies
    /// that re-encode or weaken the tag (W/) should still get their 304.
    /// </summary>
    private static bool Matches(HttpRequest request, string hash)
    {
        var tags = request.GetTypedHeaders().IfNoneMatch;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
            || tag.Tag.AsSpan().Trim('"').ToString() is var value
               && (value == hash || value.StartsWith(hash + "-", StringComparison.Ordinal)));
    }
}
