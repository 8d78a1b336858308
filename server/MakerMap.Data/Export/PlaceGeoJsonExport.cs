using System.Data;
using System.IO.Pipelines;
using System.Text.Json;
using MakerMap.Data.Graph;
using MakerMap.Data.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Export;

/// <summary>Filters for <see cref="PlaceGeoJsonExport.WriteAsync"/>; an empty or null list means "any".</summary>
/// <param name="Kinds">Place kinds such as <c>repair_cafe</c> (the vocabulary, lowercase).</param>
/// <param name="Categories">Repair categories; a place matches when it has at least one.</param>
/// <param name="Locality">Town or city, compared case-insensitively.</param>
/// <param name="Wheelchair">Wheelchair access values (<c>yes</c>, <c>limited</c>, <c>no</c>, <c>unknown</c>).</param>
/// <param name="Box">Only places inside this WGS 84 box (west, south, east, north).</param>
/// <param name="OpenAt">Only places open then by their hours or holding a session then.</param>
public sealed record PlaceExportFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Categories = null,
    string? Locality = null,
    IReadOnlyList<string>? Wheelchair = null,
    (double West, double South, double East, double North)? Box = null,
    DateTimeOffset? OpenAt = null);

/// <summary>
/// Writes places as an RFC 7946 GeoJSON FeatureCollection while reading them: rows come from
/// PostgreSQL one at a time (Npgsql does not buffer a result set) and go out in chunks of about
/// <see cref="FlushBytes"/>, so memory stays flat whatever the number of places and the first
/// features reach the client before the query has finished.
/// </summary>
public sealed class PlaceGeoJsonExport(NpgsqlDataSource dataSource)
{
    private static readonly string ListSql = EmbeddedSql.Load("Export/list_places_for_export.sql");

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>How much JSON is gathered before it is written to the destination.</summary>
    public const int FlushBytes = 32 * 1024;

    /// <summary>Writes the FeatureCollection of the places that pass <paramref name="filter"/> to <paramref name="destination"/>.</summary>
    public async Task WriteAsync(PlaceExportFilter filter, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(ListSql);
        var p = command.Parameters;
        p.AddTextArray("kinds", filter.Kinds is { Count: > 0 } ? [.. filter.Kinds] : null);
        p.AddTextArray("categories", filter.Categories is { Count: > 0 } ? [.. filter.Categories] : null);
        p.AddTextArray("wheelchair", filter.Wheelchair is { Count: > 0 } ? [.. filter.Wheelchair] : null);
        p.Add(new NpgsqlParameter("locality", NpgsqlDbType.Text)
        {
            Value = string.IsNullOrWhiteSpace(filter.Locality) ? DBNull.Value : filter.Locality.Trim(),
        });
        p.Add(new NpgsqlParameter("west", NpgsqlDbType.Double) { Value = filter.Box?.West ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("south", NpgsqlDbType.Double) { Value = filter.Box?.South ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("east", NpgsqlDbType.Double) { Value = filter.Box?.East ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("north", NpgsqlDbType.Double) { Value = filter.Box?.North ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("open_at", NpgsqlDbType.TimestampTz) { Value = filter.OpenAt?.UtcDateTime ?? (object)DBNull.Value });
        p.AddTextArray("open_values", filter.OpenAt is { } at
            ? await OpenAtValues.OpenAtAsync(dataSource, at, cancellationToken).ConfigureAwait(false)
            : null);

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        // JsonSerializer.Serialize flushes its writer synchronously, which a response body refuses; over a
        // PipeWriter that flush only hands bytes to the pipe, and the pipe goes out asynchronously below.
        var pipe = PipeWriter.Create(destination, new StreamPipeWriterOptions(leaveOpen: true));
        await using var json = new Utf8JsonWriter(pipe);
        long sent = 0;
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            WriteFeature(json, reader);
            sent = await FlushWhenFullAsync(json, pipe, sent, cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        await pipe.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Sends what <paramref name="json"/> wrote since <paramref name="sent"/> bytes once it is
    /// <see cref="FlushBytes"/> or more; returns the bytes sent so far.
    /// </summary>
    public static async ValueTask<long> FlushWhenFullAsync(Utf8JsonWriter json, PipeWriter pipe, long sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(pipe);
        if (json.BytesCommitted + json.BytesPending - sent < FlushBytes)
        {
            return sent;
        }
        json.Flush();
        await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        return json.BytesCommitted;
    }

    // columns in the order of list_places_for_export.sql, read once each (SequentialAccess)
    private static void WriteFeature(Utf8JsonWriter json, NpgsqlDataReader row)
    {
        var id = row.GetString(0);
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", id);
        json.WritePropertyName("geometry");
        // GeoJSON4STJ writes the NetTopologySuite point Npgsql read (RFC 7946 §3.1.1: longitude first, WGS 84)
        JsonSerializer.Serialize(json, row.GetFieldValue<Point>(1), GeoJsonOptions);
        json.WriteStartObject("properties");
        json.WriteString("id", id);
        Text(json, row, 2, "slug");
        Text(json, row, 3, "name");
        Text(json, row, 4, "kind");
        TextList(json, row, 5, "categories");
        Text(json, row, 6, "street_address");
        Text(json, row, 7, "postal_code");
        Text(json, row, 8, "locality");
        Text(json, row, 9, "country_code");
        Text(json, row, 10, "description");
        Text(json, row, 11, "website");
        Text(json, row, 12, "opening_hours");
        Text(json, row, 13, "wheelchair");
        TextList(json, row, 14, "languages");
        Text(json, row, 15, "location_precision");
        Text(json, row, 16, "location_note");
        Text(json, row, 17, "source");
        Text(json, row, 18, "licence");
        Text(json, row, 19, "attribution");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // absent values are left out, as json_strip_nulls did before
    private static void Text(Utf8JsonWriter json, NpgsqlDataReader row, int column, string name)
    {
        if (!row.IsDBNull(column))
        {
            json.WriteString(name, row.GetString(column));
        }
    }

    private static void TextList(Utf8JsonWriter json, NpgsqlDataReader row, int column, string name)
    {
        if (row.IsDBNull(column))
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in row.GetFieldValue<string[]>(column))
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
