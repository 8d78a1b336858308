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
        var etag = encoding is null ? $"\"{tile.Hash}\"" : $"\"{tile.Hash}-{encoding}\"";
        headers.ETag = etag;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (Matches(context.Request, etag))
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
    /// Whether If-None-Match names the representation about to be sent (RFC 9110 §13.1.2, weak
    /// comparison): the ETag of another content coding does not match, or a client that cached the
    /// identity bytes would be told its copy is a gzip one and vice versa.
    /// </summary>
    internal static bool Matches(HttpRequest request, string etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
            || string.Equals(tag.Tag.Value, etag, StringComparison.Ordinal));
}
