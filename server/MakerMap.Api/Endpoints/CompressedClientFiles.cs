using System.Collections.Concurrent;
using System.IO.Compression;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Brotli and gzip copies of the client's text files (the JavaScript bundle is over 1 MB, a third
/// of that compressed), made once per file version and kept in memory: the built client is a
/// handful of files, and compressing on every request would cost more CPU than serving them.
/// </summary>
internal sealed class CompressedClientFiles
{
    private const long MinimumSize = 1024;
    private readonly ConcurrentDictionary<(string Path, long Version, string Encoding), byte[]> _copies = new();

    /// <summary>Whether a file of this type and size is worth compressing.</summary>
    public static bool IsCompressible(string contentType, long length) =>
        length >= MinimumSize
        && (contentType.StartsWith("text/", StringComparison.Ordinal)
            || contentType is "application/javascript" or "application/json" or "image/svg+xml" or "application/wasm");

    /// <summary>The file's bytes in <paramref name="encoding"/>; <paramref name="version"/> (its write time) keys the copy.</summary>
    public byte[] Get(string path, long version, string encoding)
    {
        var key = (path, version, encoding);
        if (_copies.TryGetValue(key, out var copy))
        {
            return copy;
        }
        // a rebuilt client replaces its files: drop the copies of older versions of this path
        foreach (var stale in _copies.Keys.Where(k => k.Path == path && k.Version != version))
        {
            _copies.TryRemove(stale, out _);
        }
        return _copies.GetOrAdd(key, k => ContentCoding.Compress(File.ReadAllBytes(k.Path), k.Encoding, CompressionLevel.Optimal));
    }
}
