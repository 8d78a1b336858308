using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Export;

/// <summary>Filters for <see cref="PlaceGeoJsonExport.ExportAsync"/>; an empty or null list means "any".</summary>
/// <param name="Kinds">Place kinds such as <c>repair_cafe</c> (the vocabulary, lowercase).</param>
/// <param name="Categories">Repair categories; a place matches when it has at least one.</param>
/// <param name="Locality">Town or city, compared case-insensitively.</param>
public sealed record PlaceExportFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Categories = null,
    string? Locality = null);

/// <summary>Exports places as an RFC 7946 GeoJSON FeatureCollection.</summary>
public sealed class PlaceGeoJsonExport(NpgsqlDataSource dataSource)
{
    private static readonly string ExportSql = EmbeddedSql.Load("Export/export_places_geojson.sql");

    /// <summary>Returns the FeatureCollection as JSON text.</summary>
    public async Task<string> ExportAsync(PlaceExportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(ExportSql);
        command.Parameters.Add(TextArray("kinds", filter.Kinds));
        command.Parameters.Add(TextArray("categories", filter.Categories));
        command.Parameters.Add(new NpgsqlParameter("locality", NpgsqlDbType.Text)
        {
            Value = string.IsNullOrWhiteSpace(filter.Locality) ? DBNull.Value : filter.Locality.Trim(),
        });
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (string)result!;
    }

    private static NpgsqlParameter TextArray(string name, IReadOnlyList<string>? values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = values is { Count: > 0 } ? values.ToArray() : DBNull.Value,
        };
}
