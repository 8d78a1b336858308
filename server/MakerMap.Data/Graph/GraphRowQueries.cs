using MakerMap.Data.Places;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Graph;

/// <summary>
/// Batched reads of the rows behind the GraphQL object types, one query per type and batch of ids (the API's
/// DataLoaders call these). Each row is a dictionary from SDL field name to value, made by <c>newRow</c>.
/// </summary>
public sealed class GraphRowQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Places by id.</summary>
    public Task<List<TRow>> PlacesAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetPlaces, ids, newRow, ct);

    /// <summary>Resources by id.</summary>
    public Task<List<TRow>> ResourcesAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetResources, ids, newRow, ct);

    /// <summary>Organisations by id.</summary>
    public Task<List<TRow>> OrganisationsAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetOrganisations, ids, newRow, ct);

    /// <summary>Accounts by id.</summary>
    public Task<List<TRow>> AccountsAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetAccounts, ids, newRow, ct);

    /// <summary>Areas by id.</summary>
    public Task<List<TRow>> AreasAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetAreas, ids, newRow, ct);

    /// <summary>Slots by id, with what is left of each.</summary>
    public Task<List<TRow>> SlotsAsync<TRow>(IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.GetSlots, ids, newRow, ct);

    /// <summary>Resources whose home is one of the places (column <c>key</c>: the place).</summary>
    public Task<List<TRow>> ResourcesByPlaceAsync<TRow>(IReadOnlyList<Guid> placeIds, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.ListResourcesByPlace, placeIds, newRow, ct);

    /// <summary>Resources owned by the organisations (column <c>key</c>: the organisation).</summary>
    public Task<List<TRow>> ResourcesByOrganisationAsync<TRow>(IReadOnlyList<Guid> organisationIds, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.ListResourcesByOrganisation, organisationIds, newRow, ct);

    /// <summary>Places run by the organisations (column <c>key</c>: the organisation).</summary>
    public Task<List<TRow>> PlacesByOrganisationAsync<TRow>(IReadOnlyList<Guid> organisationIds, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.ListPlacesByOrganisation, organisationIds, newRow, ct);

    /// <summary>Requirements of the resources (column <c>key</c>: the resource).</summary>
    public Task<List<TRow>> RequirementsAsync<TRow>(IReadOnlyList<Guid> resourceIds, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> => ByIdsAsync(GraphSql.ListRequirements, resourceIds, newRow, ct);

    /// <summary>Memberships of the accounts, or members of the organisations (column <c>key</c>: the id asked for).</summary>
    public Task<List<TRow>> MembershipsAsync<TRow>(IReadOnlyList<Guid> ids, bool byOrganisation, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?> =>
        ByIdsAsync(byOrganisation ? GraphSql.ListMembershipsByOrganisation : GraphSql.ListMembershipsByAccount, ids, newRow, ct);

    /// <summary>Data sources by code.</summary>
    public async Task<List<TRow>> DataSourcesAsync<TRow>(IReadOnlyList<string> codes, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        await using var command = dataSource.CreateCommand(GraphSql.GetDataSources);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. codes] });
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The places nearest to a point as Place rows, nearest first (ties by id), each with its spheroid
    /// distance in column <c>distanceMeters</c>; with <see cref="NearestPlacesQuery.OpenAt"/>, only the
    /// places open then (see <see cref="OpenAtValues"/>).
    /// </summary>
    /// <exception cref="DataValidationException">The search is out of range.</exception>
    public async Task<List<TRow>> NearestPlacesAsync<TRow>(NearestPlacesQuery query, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        ArgumentNullException.ThrowIfNull(query);
        var openValues = query.OpenAt is { } at ? await OpenAtValues.OpenAtAsync(dataSource, at, ct).ConfigureAwait(false) : null;
        await using var command = dataSource.CreateCommand(NearestSearch.Statement(query));
        NearestSearch.Bind(command, query, openValues);
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// For each of the places that has sessions (slots with a place): whether one of them is under way at
    /// <paramref name="at"/>. Places without sessions are missing from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, bool>> SessionsAtAsync(IReadOnlyList<Guid> placeIds, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(GraphSql.FindPlacesInSession);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. placeIds] });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = at.UtcDateTime });
        var open = new Dictionary<Guid, bool>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            open[reader.GetGuid(0)] = reader.GetBoolean(1);
        }
        return open;
    }

    private async Task<List<TRow>> ByIdsAsync<TRow>(string sql, IReadOnlyList<Guid> ids, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }
}
