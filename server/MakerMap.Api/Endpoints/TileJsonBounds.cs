using System.Collections.Concurrent;
using MakerMap.Data.Tiles;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// TileJSON <c>bounds</c> and <c>center</c> per layer, from the extent of the layer's data (TileJSON
/// 3.0 §3.5: bounds cover all of the layer's data; §3.6: the centre lies inside them, its zoom
/// within the layer's zooms). The extent is read at most once per <c>Tiles:BoundsCacheMinutes</c>
/// (default 5; 0 reads it on every request), so a place added far outside the others is inside
/// the bounds within that time.
/// </summary>
internal sealed class TileJsonBounds(TimeSpan lifetime, TimeProvider time)
{
    /// <summary>Flanders and Brussels, for a layer without data.</summary>
    private static readonly LayerExtent Fallback = new(2.54, 50.68, 5.92, 51.51);

    /// <summary>The zoom a map opens at over a city, moved into each layer's own range.</summary>
    private const int PreferredCenterZoom = 9;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, LayerExtent Extent)> _extents = new(StringComparer.Ordinal);

    public static TileJsonBounds FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromMinutes(configuration.GetValue("Tiles:BoundsCacheMinutes", 5.0)), TimeProvider.System);

    /// <summary>[west, south, east, north] rounded outwards to 0.001°, and [longitude, latitude, zoom] inside them.</summary>
    public async Task<(double[] Bounds, double[] Center)> GetAsync(TileLayer layer, VectorTileQueries queries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_extents.TryGetValue(layer.Name, out var cached) || now - cached.ReadAt >= lifetime)
        {
            cached = (now, await queries.GetExtentAsync(layer, cancellationToken) ?? Fallback);
            _extents[layer.Name] = cached;
        }
        var extent = cached.Extent;
        // outwards, so a feature on the edge stays inside; a single point still gets an area
        var west = Math.Floor(extent.West * 1000) / 1000;
        var south = Math.Floor(extent.South * 1000) / 1000;
        var east = Math.Max(Math.Ceiling(extent.East * 1000) / 1000, west + 0.001);
        var north = Math.Max(Math.Ceiling(extent.North * 1000) / 1000, south + 0.001);
        var zoom = Math.Clamp(PreferredCenterZoom, layer.MinZoom, layer.MaxZoom);
        return ([west, south, east, north], [Math.Round((west + east) / 2, 4), Math.Round((south + north) / 2, 4), zoom]);
    }
}
