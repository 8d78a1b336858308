using MakerMap.Data.Tiles;
using Microsoft.Extensions.Caching.Memory;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Keeps recently cut tiles of the area layers in memory. Areas change only when seed data is
/// loaded, every visitor's map starts over the same few low-zoom tiles, and those are the expensive
/// ones (tens to hundreds of milliseconds of ST_AsMVTGeom each), so a tile is cut once per
/// <c>Tiles:AreaCacheMinutes</c> (default 60; 0 turns the cache off) instead of once per request.
/// Browsers keep area tiles for a day anyway (Cache-Control), so a reseed shows within the same bound.
/// Places are never cached: they change.
/// </summary>
internal sealed class AreaTileCache(TimeSpan lifetime, long sizeLimitBytes)
{
    private readonly MemoryCache? _cache = lifetime > TimeSpan.Zero
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes })
        : null;

    public static AreaTileCache FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromMinutes(configuration.GetValue("Tiles:AreaCacheMinutes", 60.0)), 128L * 1024 * 1024);

    /// <summary>The tile from the cache, or cut by <paramref name="cut"/> (and cached, for area layers).</summary>
    public async Task<EncodedTile> GetOrCutAsync(TileLayer layer, int z, int x, int y, Func<Task<byte[]>> cut)
    {
        if (_cache is null || layer.ChangesOften)
        {
            return new EncodedTile(await cut());
        }
        var key = (layer.Name, z, x, y);
        if (_cache.TryGetValue(key, out EncodedTile? cached) && cached is not null)
        {
            return cached;
        }
        // two requests for the same uncached tile may both cut it; the second write wins, both are correct
        var tile = new EncodedTile(await cut());
        _cache.Set(key, tile, new MemoryCacheEntryOptions { Size = tile.ApproximateSize, AbsoluteExpirationRelativeToNow = lifetime });
        return tile;
    }
}
