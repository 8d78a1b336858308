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

    /// <summary>
    /// The tile's bytes (uncompressed protobuf), or an empty array when no feature touches it. The
    /// caller checks the address and the layer's zoom range.
    /// </summary>
    public async Task<byte[]> GetTileAsync(TileLayer layer, int z, int x, int y, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        await using var command = dataSource.CreateCommand(layer.Kind switch
        {
            TileLayerKind.Places => PlaceTileSql,
            TileLayerKind.Areas => AreaTileSql,
            _ => AreaLabelTileSql,
        });
        command.Parameters.Add(new NpgsqlParameter<int>("z", NpgsqlDbType.Integer) { TypedValue = z });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = x });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = y });
        command.Parameters.Add(new NpgsqlParameter<string>("layer", NpgsqlDbType.Text) { TypedValue = layer.Name });
        if (layer.Kind == TileLayerKind.Areas)
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
}
