using MakerMap.Data.Tiles;
using Microsoft.Extensions.Caching.Memory;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Keeps recently cut tiles in memory (one 128 MB cache).
/// Area tiles: areas change only when seed data is loaded, every visitor's map starts over the same
/// few low-zoom tiles, and those are the expensive ones (tens to hundreds of milliseconds of
/// ST_AsMVTGeom each), so a tile is cut once per <c>Tiles:AreaCacheMinutes</c> (default 60; 0 turns it
/// off). Browsers keep area tiles for a day anyway (Cache-Control), so a reseed shows within the same bound.
/// Places tiles: a low-zoom tile aggregates every place under it (100,000 at Flanders' scale), so it
/// is kept too, for <c>Tiles:PlaceCacheMinutes</c> (default 10; 0 turns it off), under the places
/// table's revision (bumped by a trigger on every write): a tile is never served older than the data.
/// Open-now tiles are also keyed by the minute, as what is open changes with the clock.
/// </summary>
internal sealed class TileCache(TimeSpan areaLifetime, TimeSpan placeLifetime, long sizeLimitBytes)
{
    private readonly MemoryCache? _cache = areaLifetime > TimeSpan.Zero || placeLifetime > TimeSpan.Zero
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes })
        : null;

    public static TileCache FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromMinutes(configuration.GetValue("Tiles:AreaCacheMinutes", 60.0)),
            TimeSpan.FromMinutes(configuration.GetValue("Tiles:PlaceCacheMinutes", 10.0)),
            128L * 1024 * 1024);

    /// <summary>The area tile from the cache, or cut by <paramref name="cut"/> (and cached).</summary>
    public Task<EncodedTile> GetOrCutAreaAsync(TileLayer layer, int z, int x, int y, Func<Task<byte[]>> cut) =>
        GetOrCutAsync((layer.Name, z, x, y), areaLifetime, cut);

    /// <summary>
    /// The places tile for <paramref name="filter"/> at places revision <paramref name="revision"/>
    /// from the cache, or cut by <paramref name="cut"/> (and cached).
    /// </summary>
    public Task<EncodedTile> GetOrCutPlacesAsync(long revision, PlaceTileFilter filter, DateTimeOffset now, int z, int x, int y, Func<Task<byte[]>> cut)
    {
        var minute = filter.OpenAt is null ? 0 : now.ToUnixTimeSeconds() / 60;
        return GetOrCutAsync(("places", revision, filter.CacheKey, minute, z, x, y), placeLifetime, cut);
    }

    private async Task<EncodedTile> GetOrCutAsync(object key, TimeSpan lifetime, Func<Task<byte[]>> cut)
    {
        if (_cache is null || lifetime <= TimeSpan.Zero)
        {
            return new EncodedTile(await cut());
        }
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
