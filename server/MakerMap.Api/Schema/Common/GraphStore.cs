using MakerMap.Data.Graph;
using MakerMap.Data.Places;

namespace MakerMap.Api.Schema;

/// <summary>
/// Batched reads of the rows behind the GraphQL object types, one query per type and batch of ids
/// (the DataLoaders call these), keyed the way the loaders want them. The SQL lives in MakerMap.Data
/// (<see cref="GraphRowQueries"/>); column aliases are SDL field names, see <see cref="Row"/>.
/// </summary>
public sealed class GraphStore(GraphRowQueries rows)
{
    /// <summary>Places by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> PlacesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.PlacesAsync(ids, () => new Row("Place"), ct).ConfigureAwait(false));

    /// <summary>The nearest places as Place rows, each with its distance in <c>distanceMeters</c>.</summary>
    public Task<List<Row>> NearestPlacesAsync(NearestPlacesQuery query, CancellationToken ct) =>
        rows.NearestPlacesAsync(query, () => new Row("Place"), ct);

    /// <summary>Resources by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> ResourcesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.ResourcesAsync(ids, () => new Row("Resource"), ct).ConfigureAwait(false));

    /// <summary>Organisations by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> OrganisationsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.OrganisationsAsync(ids, () => new Row("Organisation"), ct).ConfigureAwait(false));

    /// <summary>Accounts by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> AccountsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.AccountsAsync(ids, () => new Row("Account"), ct).ConfigureAwait(false));

    /// <summary>Areas by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> AreasAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.AreasAsync(ids, () => new Row("Area"), ct).ConfigureAwait(false));

    /// <summary>Slots by id, with what is left of each.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> SlotsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ById(await rows.SlotsAsync(ids, () => new Row("Slot"), ct).ConfigureAwait(false));

    /// <summary>Data sources by code.</summary>
    public async Task<IReadOnlyDictionary<string, Row>> DataSourcesAsync(IReadOnlyList<string> codes, CancellationToken ct) =>
        (await rows.DataSourcesAsync(codes, () => new Row("DataSource"), ct).ConfigureAwait(false))
            .ToDictionary(r => (string)r["code"]!, StringComparer.Ordinal);

    /// <summary>Resources whose home is one of the places, by place.</summary>
    public async Task<ILookup<Guid, Row>> ResourcesByPlaceAsync(IReadOnlyList<Guid> placeIds, CancellationToken ct) =>
        ByKey(await rows.ResourcesByPlaceAsync(placeIds, () => new Row("Resource"), ct).ConfigureAwait(false));

    /// <summary>Resources owned by the organisations, by organisation.</summary>
    public async Task<ILookup<Guid, Row>> ResourcesByOrganisationAsync(IReadOnlyList<Guid> organisationIds, CancellationToken ct) =>
        ByKey(await rows.ResourcesByOrganisationAsync(organisationIds, () => new Row("Resource"), ct).ConfigureAwait(false));

    /// <summary>Places run by the organisations, by organisation.</summary>
    public async Task<ILookup<Guid, Row>> PlacesByOrganisationAsync(IReadOnlyList<Guid> organisationIds, CancellationToken ct) =>
        ByKey(await rows.PlacesByOrganisationAsync(organisationIds, () => new Row("Place"), ct).ConfigureAwait(false));

    /// <summary>Requirements of the resources, by resource.</summary>
    public async Task<ILookup<Guid, Row>> RequirementsAsync(IReadOnlyList<Guid> resourceIds, CancellationToken ct) =>
        ByKey(await rows.RequirementsAsync(resourceIds, () => new Row("Requirement"), ct).ConfigureAwait(false));

    /// <summary>Memberships of the accounts (by account) or of the organisations (by organisation).</summary>
    public async Task<ILookup<Guid, Row>> MembershipsAsync(IReadOnlyList<Guid> ids, bool byOrganisation, CancellationToken ct) =>
        ByKey(await rows.MembershipsAsync(ids, byOrganisation, () => new Row("Membership"), ct).ConfigureAwait(false));

    /// <summary>
    /// For each of the places that has sessions (slots with a place): whether one of them is under way
    /// at <paramref name="at"/>. Places without sessions are missing from the result.
    /// </summary>
    public Task<IReadOnlyDictionary<Guid, bool>> SessionsAtAsync(IReadOnlyList<Guid> placeIds, DateTimeOffset at, CancellationToken ct) =>
        rows.SessionsAtAsync(placeIds, at, ct);

    private static Dictionary<Guid, Row> ById(List<Row> rows) => rows.ToDictionary(r => r.Uuid);

    private static ILookup<Guid, Row> ByKey(List<Row> rows) => rows.ToLookup(r => (Guid)r["key"]!);
}
