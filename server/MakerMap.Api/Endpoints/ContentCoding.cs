using System.IO.Compression;

namespace MakerMap.Api.Endpoints;

/// <summary>HTTP content codings the server applies itself (tiles, the client's files): Brotli and gzip.</summary>
internal static class ContentCoding
{
    /// <summary><c>br</c> when the request accepts it, else <c>gzip</c> when accepted, else null (identity).</summary>
    public static string? Choose(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding) => accepted.Any(value =>
            (value.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || value.Value == "*")
            && (value.Quality ?? 1) > 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }

    /// <summary><paramref name="bytes"/> encoded as <paramref name="encoding"/> (<c>br</c> or <c>gzip</c>).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes, string encoding, CompressionLevel level)
    {
        using var output = new MemoryStream(bytes.Length / 2 + 64);
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(output, level, leaveOpen: true)
            : new GZipStream(output, level, leaveOpen: true))
        {
            compressor.Write(bytes);
        }
        return output.ToArray();
    }
}
