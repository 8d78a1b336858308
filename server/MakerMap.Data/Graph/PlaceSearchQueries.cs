using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Graph;

/// <summary>
/// Place pages (filtered, ordered by name then id, keyset after a place), places by slug and area search,
/// as GraphQL rows (dictionaries from SDL field name to value, made by <c>newRow</c>).
/// </summary>
public sealed class PlaceSearchQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// At most <paramref name="limit"/> matching places after <paramref name="after"/>; each row also carries
    /// <c>totalCount</c>, the number of matches whatever the page.
    /// </summary>
    public async Task<List<TRow>> PageAsync<TRow>(PlaceFilterArgs filter, int limit, Guid? after, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(GraphSql.PagePlaces);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Kinds?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Categories?.ToArray() ?? (object)DBNull.Value });
        p.AddTextArray("wheelchair", filter.Wheelchair?.ToArray());
        p.Add(new NpgsqlParameter("locality", NpgsqlDbType.Text) { Value = filter.Locality ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("area_id", NpgsqlDbType.Uuid) { Value = filter.AreaId ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("nis", NpgsqlDbType.Text) { Value = filter.MunicipalityCode ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("west", NpgsqlDbType.Double) { Value = filter.Box?.W ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("south", NpgsqlDbType.Double) { Value = filter.Box?.S ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("east", NpgsqlDbType.Double) { Value = filter.Box?.E ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("north", NpgsqlDbType.Double) { Value = filter.Box?.N ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = filter.Text ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("organisation_id", NpgsqlDbType.Uuid) { Value = filter.OrganisationId ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("open_at", NpgsqlDbType.TimestampTz) { Value = filter.OpenAt?.UtcDateTime ?? (object)DBNull.Value });
        p.AddTextArray("open_values", filter.OpenAt is { } at ? await OpenAtValues.OpenAtAsync(dataSource, at, ct).ConfigureAwait(false) : null);
        p.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = after ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        // filters not given become NULL literals, so PostgreSQL can keep one generic plan per combination
        command.UseCachedStatementText();
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }

    /// <summary>The place with this slug (zero or one row).</summary>
    public async Task<List<TRow>> BySlugAsync<TRow>(string slug, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        await using var command = dataSource.CreateCommand(GraphSql.GetPlaceBySlug);
        command.Parameters.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }

    /// <summary>Areas whose code equals <paramref name="search"/> or whose name matches it, best first.</summary>
    public async Task<List<TRow>> AreasAsync<TRow>(string search, string? level, int limit, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        await using var command = dataSource.CreateCommand(GraphSql.SearchAreas);
        command.Parameters.Add(new NpgsqlParameter<string>("search", NpgsqlDbType.Text) { TypedValue = search });
        command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Text) { Value = level ?? (object)DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }
}
