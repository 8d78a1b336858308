using MakerMap.Data.Graph;
using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Tiles;

/// <summary>Cuts Mapbox Vector Tiles from PostGIS (ST_AsMVT), one layer per tile.</summary>
public sealed class VectorTileQueries(NpgsqlDataSource dataSource)
{
    private static readonly string AreaTileSql = EmbeddedSql.Load("Tiles/get_area_tile.sql");
    private static readonly string AreaLabelTileSql = EmbeddedSql.Load("Tiles/get_area_label_tile.sql");
    private static readonly string PlaceTileSql = EmbeddedSql.Load("Tiles/get_place_tile.sql");
    private static readonly string StreetTileSql = EmbeddedSql.Load("Tiles/get_street_tile.sql");
    private static readonly string PlaceGridTileSql = EmbeddedSql.Load("Tiles/get_place_grid_tile.sql");
    private const string RefreshPlaceGridSql = "SELECT refresh_place_tile_grid()";
    private static readonly string LayerExtentSql = EmbeddedSql.Load("Tiles/get_layer_extent.sql");
    private const string PlacesRevisionSql = "SELECT revision FROM places_revision";

    /// <summary>
    /// The deepest zoom at which places tiles are clustered; from the next zoom on every place is its
    /// own feature (about 10 places per tile at 100,000 places over Flanders).
    /// </summary>
    public const int ClusterMaxZoom = 13;

    /// <summary>
    /// Cells per tile side when clustering: 8 × 8 cells of 64 pixels on a 512-pixel tile, so a tile
    /// holds at most 64 clusters and a cluster marker stands for what lies within about 64 pixels.
    /// </summary>
    public const int ClusterCells = 8;

    /// <summary>
    /// The deepest zoom whose places tiles are read from the per-cell counts of
    /// <c>place_tile_grid</c> (migrations 0022, 0026) rather than from the places: a tile of zoom 9 or less
    /// lies over up to every place, so it is cut from at most 64 cells × 8 kinds instead.
    /// </summary>
    public const int GridMaxZoom = 9;

    /// <summary>
    /// The tile's bytes (uncompressed protobuf), or an empty array when no feature touches it. The
    /// caller checks the address and the layer's zoom range.
    /// </summary>
    public Task<byte[]> GetTileAsync(TileLayer layer, int z, int x, int y, CancellationToken cancellationToken) =>
        GetTileAsync(layer, z, x, y, PlaceTileFilter.None, cancellationToken);

    /// <summary>
    /// As <see cref="GetTileAsync(TileLayer, int, int, int, CancellationToken)"/>, keeping in a places
    /// tile only the places that pass <paramref name="filter"/> (clusters count only those).
    /// </summary>
    public async Task<byte[]> GetTileAsync(TileLayer layer, int z, int x, int y, PlaceTileFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(filter);
        if (layer.Kind == TileLayerKind.Places && ReadsFromGrid(z, filter))
        {
            return await GetPlaceGridTileAsync(layer, z, x, y, filter, cancellationToken).ConfigureAwait(false);
        }
        await using var command = dataSource.CreateCommand(layer.Kind switch
        {
            TileLayerKind.Places => PlaceTileSql,
            TileLayerKind.Areas => AreaTileSql,
            TileLayerKind.Streets => StreetTileSql,
            _ => AreaLabelTileSql,
        });
        command.Parameters.Add(new NpgsqlParameter<int>("z", NpgsqlDbType.Integer) { TypedValue = z });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = x });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = y });
        command.Parameters.Add(new NpgsqlParameter<string>("layer", NpgsqlDbType.Text) { TypedValue = layer.Name });
        if (layer.Kind == TileLayerKind.Places)
        {
            await AddPlaceFilterAsync(command.Parameters, z, filter, cancellationToken).ConfigureAwait(false);
        }
        else if (layer.Kind == TileLayerKind.Areas)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("level", NpgsqlDbType.Text) { TypedValue = layer.AreaLevel! });
        }
        else if (layer.Kind == TileLayerKind.AreaLabels)
        {
            command.Parameters.Add(new NpgsqlParameter<int>("neighbourhood_min_zoom", NpgsqlDbType.Integer)
            {
                TypedValue = TileLayer.NeighbourhoodLabelMinZoom,
            });
        }
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result as byte[] ?? [];
    }

    /// <summary>
    /// Whether a places tile is cut from the grid: at zoom <see cref="GridMaxZoom"/> or less, with no
    /// filter but kinds and wheelchair access (the grid counts places per kind and wheelchair value
    /// only; other filters read the places).
    /// </summary>
    public static bool ReadsFromGrid(int z, PlaceTileFilter filter) =>
        z <= GridMaxZoom
        && filter.Categories is not { Count: > 0 }
        && filter.OpenAt is null;

    private async Task<byte[]> GetPlaceGridTileAsync(TileLayer layer, int z, int x, int y, PlaceTileFilter filter, CancellationToken cancellationToken)
    {
        // Its own statement, so the build commits (and its lock ends) before the tile is read.
        await using (var refresh = dataSource.CreateCommand(RefreshPlaceGridSql))
        {
            await refresh.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var command = dataSource.CreateCommand(PlaceGridTileSql);
        command.Parameters.Add(new NpgsqlParameter<int>("z", NpgsqlDbType.Integer) { TypedValue = z });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = x });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = y });
        command.Parameters.Add(new NpgsqlParameter<string>("layer", NpgsqlDbType.Text) { TypedValue = layer.Name });
        command.Parameters.AddTextArray("kinds", filter.Kinds is { Count: > 0 } ? [.. filter.Kinds] : null);
        command.Parameters.AddTextArray("wheelchair", filter.Wheelchair is { Count: > 0 } ? [.. filter.Wheelchair] : null);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result as byte[] ?? [];
    }

    /// <summary>
    /// The revision of the places table: a trigger bumps it on every statement that writes places
    /// (migration 0018), so a places tile cut at one revision is current as long as it is unchanged.
    /// </summary>
    public async Task<long> GetPlacesRevisionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PlacesRevisionSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task AddPlaceFilterAsync(NpgsqlParameterCollection p, int z, PlaceTileFilter filter, CancellationToken cancellationToken)
    {
        p.Add(new NpgsqlParameter<bool>("cluster", NpgsqlDbType.Boolean) { TypedValue = z <= ClusterMaxZoom });
        p.Add(new NpgsqlParameter<int>("cells", NpgsqlDbType.Integer) { TypedValue = ClusterCells });
        p.AddTextArray("kinds", filter.Kinds is { Count: > 0 } ? [.. filter.Kinds] : null);
        p.AddTextArray("categories", filter.Categories is { Count: > 0 } ? [.. filter.Categories] : null);
        p.AddTextArray("wheelchair", filter.Wheelchair is { Count: > 0 } ? [.. filter.Wheelchair] : null);
        p.Add(new NpgsqlParameter("open_at", NpgsqlDbType.TimestampTz) { Value = filter.OpenAt?.UtcDateTime ?? (object)DBNull.Value });
        p.AddTextArray("open_values", filter.OpenAt is { } at
            ? await OpenAtValues.OpenAtAsync(dataSource, at, cancellationToken).ConfigureAwait(false)
            : null);
    }

    /// <summary>
    /// The bounding box in WGS 84 of every feature <paramref name="layer"/> shows at any zoom (area
    /// labels lie inside their municipality or neighbourhood), or null when it has none.
    /// </summary>
    public async Task<LayerExtent?> GetExtentAsync(TileLayer layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        await using var command = dataSource.CreateCommand(LayerExtentSql);
        command.Parameters.Add(new NpgsqlParameter<bool>("places", NpgsqlDbType.Boolean) { TypedValue = layer.Kind == TileLayerKind.Places });
        command.Parameters.Add(new NpgsqlParameter<bool>("streets", NpgsqlDbType.Boolean) { TypedValue = layer.Kind == TileLayerKind.Streets });
        string[] levels = layer.Kind == TileLayerKind.AreaLabels ? ["municipality", "neighbourhood"] : [layer.AreaLevel ?? ""];
        command.Parameters.Add(new NpgsqlParameter<string[]>("levels", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = levels });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new LayerExtent(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }
}
