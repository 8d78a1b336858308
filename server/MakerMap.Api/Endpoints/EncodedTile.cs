using System.IO.Compression;
using System.Security.Cryptography;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// A tile's bytes, their hash (the ETag) and, made once on first demand, their Brotli and gzip
/// encodings: a cached tile is compressed once, not on every request.
/// </summary>
internal sealed class EncodedTile
{
    private readonly Lazy<byte[]> _brotli;
    private readonly Lazy<byte[]> _gzip;

    public EncodedTile(byte[] raw)
    {
        Raw = raw;
        Hash = Convert.ToHexStringLower(SHA256.HashData(raw).AsSpan(0, 16));
        _brotli = new Lazy<byte[]>(() => Compress(raw, "br"));
        _gzip = new Lazy<byte[]>(() => Compress(raw, "gzip"));
    }

    /// <summary>The uncompressed protobuf; empty when no feature touches the tile.</summary>
    public byte[] Raw { get; }

    /// <summary>Hex of the first 16 bytes of the SHA-256 of <see cref="Raw"/>.</summary>
    public string Hash { get; }

    /// <summary>An estimate of the memory the tile holds once compressed both ways, for the cache's size limit.</summary>
    public long ApproximateSize => 2L * Raw.Length + 256;

    /// <summary>The bytes in content coding <paramref name="encoding"/> (<c>br</c>, <c>gzip</c> or null for identity).</summary>
    public byte[] Encoded(string? encoding) => encoding switch
    {
        "br" => _brotli.Value,
        "gzip" => _gzip.Value,
        _ => Raw,
    };

    // Brotli's fastest level compresses MVT as well as gzip's default does (measured on a 160 KB tile)
    private static byte[] Compress(byte[] tile, string encoding) =>
        ContentCoding.Compress(tile, encoding, encoding == "br" ? CompressionLevel.Fastest : CompressionLevel.Optimal);
}
